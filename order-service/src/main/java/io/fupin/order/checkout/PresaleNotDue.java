package io.fupin.order.checkout;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.time.LocalDate;

/** A presale line may be shipped only from its delivery date. */
public class PresaleNotDue extends Refusal {

    public PresaleNotDue(OrderId orderId, LocalDate date) {
        super(ProblemType.PRESALE_NOT_DUE, "Order " + orderId.value() + " holds presale goods that may be shipped from " + date + " only.");
    }
}
