package io.fupin.catalog.reservation;

import java.util.UUID;

/** A released reservation cannot be confirmed: its stock may already be sold to someone else. */
public class ReservationReleased extends RuntimeException {

    public ReservationReleased(UUID orderId) {
        super("The reservation of order " + orderId + " was released and cannot be confirmed.");
    }
}
