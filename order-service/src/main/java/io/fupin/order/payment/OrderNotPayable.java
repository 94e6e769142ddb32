package io.fupin.order.payment;

import io.fupin.order.checkout.OrderStatus;
import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** The order is not awaiting payment. */
public class OrderNotPayable extends Refusal {

    OrderNotPayable(UUID orderId, OrderStatus status) {
        super(ProblemType.ORDER_NOT_PAYABLE, "Order " + orderId + " is " + status + " and cannot be paid.");
    }
}
