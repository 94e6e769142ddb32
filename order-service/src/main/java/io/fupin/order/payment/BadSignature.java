package io.fupin.order.payment;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** A provider callback that is unsigned, wrongly signed, stale or replayed. */
public class BadSignature extends Refusal {

    public BadSignature(String message) {
        super(ProblemType.BAD_SIGNATURE, message);
    }
}
