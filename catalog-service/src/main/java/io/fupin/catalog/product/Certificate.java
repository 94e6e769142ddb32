package io.fupin.catalog.product;

import java.time.LocalDate;

/** The national certification of a poverty-alleviation product (扶贫产品认定). */
public record Certificate(String number, String issuer, LocalDate validFrom, LocalDate validUntil) {

    boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
