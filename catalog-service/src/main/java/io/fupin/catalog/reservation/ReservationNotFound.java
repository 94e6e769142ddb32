package io.fupin.catalog.reservation;

import java.util.UUID;

public class ReservationNotFound extends RuntimeException {

    public ReservationNotFound(UUID orderId) {
        super("There is no reservation for order " + orderId + ".");
    }
}
