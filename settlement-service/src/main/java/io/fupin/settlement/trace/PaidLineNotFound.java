package io.fupin.settlement.trace;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** Settlement has recorded no paid line of the product in the order. */
public class PaidLineNotFound extends Refusal {

    PaidLineNotFound(UUID orderId, UUID productId) {
        super(ProblemType.NOT_FOUND, "No paid line of product " + productId + " in order " + orderId + ".");
    }
}
