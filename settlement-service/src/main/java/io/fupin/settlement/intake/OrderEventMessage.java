package io.fupin.settlement.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Settlement's own reading of the events on {@code order-service.order-events.v1} it applies: only the fields it
 * uses, unknown ones ignored (no shared event jar). The envelope's {@code sequence} numbers one order's events in
 * the order order-service committed them (absent in events written before it had one).
 */
sealed interface OrderEventMessage {

    UUID orderId();

    record OrderPlaced(UUID orderId, String orderNumber, String channel, long totalFen, Instant placedAt,
            List<Line> lines) implements OrderEventMessage {
    }

    record OrderPaid(UUID orderId, String orderNumber, String channel, long totalFen, UUID paymentId, Instant paidAt,
            List<Line> lines) implements OrderEventMessage {
    }

    record OrderCompleted(UUID orderId, Instant completedAt) implements OrderEventMessage {
    }

    record OrderRefunded(UUID orderId, UUID refundId, String reason, Instant refundedAt, long totalFen,
            List<Line> lines) implements OrderEventMessage {
    }

    record OrderCancelled(UUID orderId, String reason, boolean wasPaid, Instant cancelledAt)
            implements OrderEventMessage {
    }

    record Line(UUID productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen, long amountFen) {
    }
}
