package io.fupin.settlement.payout;

import java.time.LocalDate;

/** A range of days that ends before it starts, or is longer than a year. */
public class InvalidPeriod extends RuntimeException {

    private final String field;

    InvalidPeriod(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public static void check(LocalDate firstDay, LocalDate lastDay) {
        if (lastDay.isBefore(firstDay)) {
            throw new InvalidPeriod("lastDay", "must not be before the first day");
        }
        if (lastDay.isAfter(firstDay.plusYears(1))) {
            throw new InvalidPeriod("lastDay", "a period spans at most a year");
        }
    }
}
