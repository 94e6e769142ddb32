package io.fupin.order.checkout;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** The reservation behind an interrupted request expired before the order could be stored. */
public class ReservationLapsed extends Refusal {

    public ReservationLapsed(OrderId orderId) {
        super(ProblemType.RESERVATION_LAPSED, "The stock held for order " + orderId.value()
                + " was released before the order was stored; place it again with a new Idempotency-Key.");
    }
}
