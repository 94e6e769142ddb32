package io.fupin.household.presale;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** A household offers a product once for one delivery date. */
public class OfferExists extends Refusal {

    public OfferExists() {
        super(ProblemType.OFFER_EXISTS, "This household already offers this product for that delivery date.");
    }
}
