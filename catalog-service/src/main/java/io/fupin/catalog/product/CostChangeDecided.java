package io.fupin.catalog.product;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** An official decides a cost change once. */
public class CostChangeDecided extends Refusal {

    public CostChangeDecided(UUID id, CostChange.Status status) {
        super(ProblemType.COST_CHANGE_DECIDED, "Cost change " + id + " is already " + status + ".");
    }
}
