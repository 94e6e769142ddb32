package io.fupin.settlement.payout;

import io.fupin.support.id.Identifier;
import java.util.UUID;

/** A closed settlement period's id; on the wire and in the database the UUID it wraps. */
public record SettlementPeriodId(UUID value) implements Identifier {
}
