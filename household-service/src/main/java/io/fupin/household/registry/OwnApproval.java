package io.fupin.household.registry;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** Whoever asked for a new payout account may not approve or reject it: that takes a second person. */
public class OwnApproval extends Refusal {

    public OwnApproval(String requestedBy) {
        super(ProblemType.OWN_APPROVAL, "A new payout account needs a second person: " + requestedBy + " asked for this one.");
    }
}
