package io.fupin.settlement.payout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * The envelope of every event on {@code settlement-service.payout-events.v1}, keyed by batch id. Written to
 * the outbox in the transaction that marks the batch paid; sent to Kafka after commit.
 */
@Externalized("settlement-service.payout-events.v1::#{#this.aggregateId()}")
public record PayoutEvent(UUID eventId, String eventType, int eventVersion, Instant occurredAt, String aggregateId,
        Object payload) {

    static PayoutEvent of(UUID batchId, Instant occurredAt, Object payload) {
        return new PayoutEvent(UUID.randomUUID(), payload.getClass().getSimpleName(), 1, occurredAt,
                batchId.toString(), payload);
    }

    /** Only the lines the bank paid; failed lines went back to the households' balances. */
    public record PayoutBatchPaid(UUID batchId, String batchReference, String bankReference, Instant paidAt,
            long totalFen, List<Line> lines) {
    }

    public record Line(UUID householdId, long amountFen, List<UUID> orderIds) {
    }
}
