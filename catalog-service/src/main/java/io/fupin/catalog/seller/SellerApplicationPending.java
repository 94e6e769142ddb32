package io.fupin.catalog.seller;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** One application waits at a time, per applicant and per credit code. */
public class SellerApplicationPending extends Refusal {

    SellerApplicationPending() {
        super(ProblemType.APPLICATION_PENDING,
                "An application by this person or for this credit code is already waiting for an official.");
    }
}
