package io.fupin.household.presale;

import io.fupin.support.id.Identifier;
import java.util.UUID;

/** A presale offer's id; the UUID it wraps everywhere the id leaves the code. */
public record OfferId(UUID value) implements Identifier {

    static OfferId next() {
        return new OfferId(UUID.randomUUID());
    }
}
