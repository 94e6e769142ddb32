package io.fupin.household.registry;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** A household has at most one new payout account waiting for approval. */
public class AccountChangePending extends Refusal {

    public AccountChangePending(HouseholdId householdId) {
        super(ProblemType.ACCOUNT_CHANGE_PENDING, "Household " + householdId.value() + " already has a new payout "
                + "account waiting for approval; approve or reject it first.");
    }
}
