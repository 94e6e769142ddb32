package io.fupin.order.checkout;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** The order is not in a state that allows this step. */
public class IllegalTransition extends Refusal {

    public IllegalTransition(UUID orderId, OrderStatus status, String step) {
        super(ProblemType.ILLEGAL_TRANSITION, "Order " + orderId + " is " + status + " and cannot be " + step + ".");
    }
}
