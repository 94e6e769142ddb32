package io.fupin.order.checkout;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** A refund cannot be made as asked (too many units, several sellers, already decided ...). */
public class RefundRefused extends Refusal {

    public RefundRefused(String message) {
        super(ProblemType.REFUND_REFUSED, message);
    }
}
