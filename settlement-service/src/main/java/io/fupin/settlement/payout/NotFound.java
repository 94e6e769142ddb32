package io.fupin.settlement.payout;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** No such period or batch. */
public class NotFound extends Refusal {

    NotFound(String message) {
        super(ProblemType.NOT_FOUND, message);
    }
}
