package io.fupin.household.linkage;

import io.fupin.support.id.Identifier;
import java.util.UUID;

/** A product's benefit linkage's id; the UUID it wraps everywhere the id leaves the code. */
public record LinkageId(UUID value) implements Identifier {

    static LinkageId next() {
        return new LinkageId(UUID.randomUUID());
    }
}
