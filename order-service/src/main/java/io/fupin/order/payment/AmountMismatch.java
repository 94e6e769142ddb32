package io.fupin.order.payment;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** A payment or callback names another amount than the order's total or the registered payment. */
public class AmountMismatch extends Refusal {

    AmountMismatch(String message) {
        super(ProblemType.AMOUNT_MISMATCH, message);
    }
}
