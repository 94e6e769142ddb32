package io.fupin.settlement.intake;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** Settlement has not heard of the order (or not yet). */
public class OrderNotRecorded extends Refusal {

    OrderNotRecorded(UUID orderId) {
        super(ProblemType.NOT_FOUND, "Settlement has no record of order " + orderId + " (yet).");
    }
}
