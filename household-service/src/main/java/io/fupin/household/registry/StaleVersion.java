package io.fupin.household.registry;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** The household changed since the caller read it; its change would overwrite another. */
public class StaleVersion extends Refusal {

    public StaleVersion(String message) {
        super(ProblemType.STALE_VERSION, message);
    }
}
