package io.fupin.household.registry;

import io.fupin.support.id.Identifier;
import java.util.UUID;

/** A registered household's id; the UUID it wraps everywhere the id leaves the code. */
public record HouseholdId(UUID value) implements Identifier {

    static HouseholdId next() {
        return new HouseholdId(UUID.randomUUID());
    }
}
