package io.fupin.catalog.reservation;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** A released reservation cannot be confirmed: its stock may already be sold to someone else. */
public class ReservationReleased extends Refusal {

    public ReservationReleased(UUID orderId) {
        super(ProblemType.RESERVATION_RELEASED,
                "The reservation of order " + orderId + " was released and cannot be confirmed.");
    }
}
