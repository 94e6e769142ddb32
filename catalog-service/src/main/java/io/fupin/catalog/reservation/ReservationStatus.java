package io.fupin.catalog.reservation;

public enum ReservationStatus {
    HELD, CONFIRMED, RELEASED
}
