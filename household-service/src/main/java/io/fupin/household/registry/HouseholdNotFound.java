package io.fupin.household.registry;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** There is no such household (or the caller may not know of it). */
public class HouseholdNotFound extends Refusal {

    public HouseholdNotFound(HouseholdId householdId) {
        super(ProblemType.NOT_FOUND, "No household " + householdId.value() + ".");
    }
}
