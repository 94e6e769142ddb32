package io.fupin.household.registry;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** A household has at most one new payout account waiting for approval. */
public class AccountChangePending extends Refusal {

    public AccountChangePending(UUID householdId) {
        super(ProblemType.ACCOUNT_CHANGE_PENDING, "Household " + householdId + " already has a new payout "
                + "account waiting for approval; approve or reject it first.");
    }
}
