package io.fupin.catalog.reservation;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** There is no reservation for the order. */
public class ReservationNotFound extends Refusal {

    public ReservationNotFound(UUID orderId) {
        super(ProblemType.NOT_FOUND, "There is no reservation for order " + orderId + ".");
    }
}
