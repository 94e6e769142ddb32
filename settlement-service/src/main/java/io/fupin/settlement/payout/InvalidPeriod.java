package io.fupin.settlement.payout;

import io.fupin.support.problem.InvalidInput;
import java.time.LocalDate;

/** A range of days that ends before it starts, or is longer than a year. */
public class InvalidPeriod extends InvalidInput {

    InvalidPeriod(String field, String message) {
        super(field, message);
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
