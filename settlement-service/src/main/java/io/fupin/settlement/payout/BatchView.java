package io.fupin.settlement.payout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payout batch as clerks see it (account numbers stay in the payout file). */
public record BatchView(UUID batchId, UUID periodId, String reference, String status, long totalFen, int lineCount,
        String closedBy, Instant closedAt, String approvedBy, Instant approvedAt, String exportedBy,
        Instant exportedAt, String paidBy, Instant paidAt, String bankReference, List<Line> lines) {

    public record Line(UUID householdId, String registrationNumber, String headName, long amountFen, String status,
            List<UUID> orderIds) {
    }
}
