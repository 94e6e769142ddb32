package io.fupin.settlement.payout;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** The batch or period is not in a state that allows this; nothing was changed. */
public class BatchConflict extends Refusal {

    BatchConflict(ProblemType type, String message) {
        super(type, message);
    }
}
