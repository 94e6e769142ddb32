package io.fupin.household.registry;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** There is no such payout-account change. */
public class AccountChangeNotFound extends Refusal {

    public AccountChangeNotFound(UUID changeId) {
        super(ProblemType.NOT_FOUND, "No payout-account change " + changeId + ".");
    }
}
