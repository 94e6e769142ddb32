package io.fupin.catalog.seller;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** No application of the user has been approved (none sent, or each one waiting or rejected). */
public class NoSellerGrant extends Refusal {

    NoSellerGrant(String userId) {
        super(ProblemType.NOT_FOUND, "No approved seller application of user " + userId + ".");
    }
}
