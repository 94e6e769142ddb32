package io.fupin.catalog.product;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;

/** Presale terms as a seller enters them: a future delivery date and the capacity on offer. */
public record PresaleTerms(@NotNull @Future LocalDate deliveryDate, @Positive @Max(10_000_000) int capacity) {

    Presale toPresale() {
        return new Presale(deliveryDate, capacity);
    }
}
