package io.fupin.household.agreement;

import io.fupin.support.id.Identifier;
import java.util.UUID;

/** A purchase agreement's id; the UUID it wraps everywhere the id leaves the code. */
public record AgreementId(UUID value) implements Identifier {

    static AgreementId next() {
        return new AgreementId(UUID.randomUUID());
    }
}
