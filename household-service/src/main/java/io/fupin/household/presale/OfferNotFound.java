package io.fupin.household.presale;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** There is no such presale offer. */
public class OfferNotFound extends Refusal {

    public OfferNotFound(OfferId offerId) {
        super(ProblemType.NOT_FOUND, "No presale offer " + offerId.value() + ".");
    }
}
