package io.fupin.settlement.ledger;

import io.fupin.support.id.Identifier;
import java.util.UUID;

/** A household's id, the party of its ledger accounts; on the wire and in the database the UUID it wraps. */
public record HouseholdId(UUID value) implements Identifier {
}
