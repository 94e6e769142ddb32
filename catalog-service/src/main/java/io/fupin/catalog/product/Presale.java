package io.fupin.catalog.product;

import java.time.LocalDate;

/** A future harvest sold in advance: money stays held until delivery. */
public record Presale(LocalDate deliveryDate, int capacity) {
}
