package io.fupin.order.checkout;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** There is no such order (or the caller may not know of it). */
public class OrderNotFound extends Refusal {

    public OrderNotFound(OrderId orderId) {
        super(ProblemType.NOT_FOUND, "There is no order " + orderId.value() + ".");
    }
}
