package io.fupin.settlement.intake;

import java.time.Instant;
import java.util.UUID;

public record SettlementOrderView(UUID orderId, String orderNumber, String channel, long grossFen, long costFen,
        int lineCount, String status, Instant placedAt, Instant recordedAt, Instant paidAt, Instant completedAt,
        long refundedFen) {
}
