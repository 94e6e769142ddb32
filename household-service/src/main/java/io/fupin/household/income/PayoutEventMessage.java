package io.fupin.household.income;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * household-service's own reading of an event on {@code settlement-service.payout-events.v1}; unknown
 * fields are ignored.
 */
record PayoutEventMessage(UUID eventId, String eventType, int eventVersion, Instant occurredAt, String aggregateId,
        JsonNode payload) {

    record PayoutBatchPaid(UUID batchId, String batchReference, String bankReference, Instant paidAt,
            List<Line> lines) {
    }

    record Line(UUID householdId, long amountFen, List<UUID> orderIds) {
    }
}
