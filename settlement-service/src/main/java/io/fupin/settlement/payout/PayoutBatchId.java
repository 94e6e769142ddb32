package io.fupin.settlement.payout;

import io.fupin.support.id.Identifier;
import java.util.UUID;

/** A payout batch's id; on the wire and in the database the UUID it wraps. */
public record PayoutBatchId(UUID value) implements Identifier {
}
