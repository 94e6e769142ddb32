package io.fupin.order.payment;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** There is no such payment (or the caller may not know of it). */
public class PaymentNotFound extends Refusal {

    PaymentNotFound(UUID paymentId) {
        super(ProblemType.NOT_FOUND, "There is no payment " + paymentId + ".");
    }
}
