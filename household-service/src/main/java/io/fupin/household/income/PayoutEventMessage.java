package io.fupin.household.income;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * household-service's own reading of {@code settlement-service.payout-events.v1}; unknown fields and event
 * types are ignored.
 */
sealed interface PayoutEventMessage {

    record PayoutBatchPaid(UUID batchId, String batchReference, String bankReference, Instant paidAt,
            List<Line> lines) implements PayoutEventMessage {
    }

    record Line(UUID householdId, long amountFen, List<UUID> orderIds) {
    }
}
