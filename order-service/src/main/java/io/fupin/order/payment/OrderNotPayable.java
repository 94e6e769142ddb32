package io.fupin.order.payment;

import io.fupin.order.checkout.OrderStatus;
import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import io.fupin.order.checkout.OrderId;

/** The order is not awaiting payment. */
public class OrderNotPayable extends Refusal {

    OrderNotPayable(OrderId orderId, OrderStatus status) {
        super(ProblemType.ORDER_NOT_PAYABLE, "Order " + orderId.value() + " is " + status + " and cannot be paid.");
    }
}
