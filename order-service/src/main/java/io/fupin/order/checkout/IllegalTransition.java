package io.fupin.order.checkout;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** The order is not in a state that allows this step. */
public class IllegalTransition extends Refusal {

    public IllegalTransition(OrderId orderId, OrderStatus status, String step) {
        super(ProblemType.ILLEGAL_TRANSITION, "Order " + orderId.value() + " is " + status + " and cannot be " + step + ".");
    }
}
