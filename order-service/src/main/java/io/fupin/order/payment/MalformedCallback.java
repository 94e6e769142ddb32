package io.fupin.order.payment;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** A signed provider callback whose body cannot be read. */
public class MalformedCallback extends Refusal {

    public MalformedCallback(String message) {
        super(ProblemType.MALFORMED_CALLBACK, message);
    }
}
