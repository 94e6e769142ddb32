package io.fupin.household.registry;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** A payout-account change is approved or rejected once. */
public class AccountChangeDecided extends Refusal {

    public AccountChangeDecided(UUID changeId, String status) {
        super(ProblemType.ACCOUNT_CHANGE_DECIDED, "Payout-account change " + changeId + " is already " + status + ".");
    }
}
