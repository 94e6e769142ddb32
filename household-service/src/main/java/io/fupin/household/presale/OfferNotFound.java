package io.fupin.household.presale;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** There is no such presale offer. */
public class OfferNotFound extends Refusal {

    public OfferNotFound(UUID offerId) {
        super(ProblemType.NOT_FOUND, "No presale offer " + offerId + ".");
    }
}
