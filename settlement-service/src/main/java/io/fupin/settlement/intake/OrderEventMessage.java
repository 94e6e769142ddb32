package io.fupin.settlement.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Settlement's own reading of an event on {@code order-service.order-events.v1}: only the fields it uses,
 * unknown ones ignored (no shared event jar). {@code sequence} numbers one order's events in the order
 * order-service committed them (absent in events written before it had one).
 */
record OrderEventMessage(UUID eventId, String eventType, int eventVersion, Long sequence, Instant occurredAt,
        String aggregateId, JsonNode payload) {

    record OrderPlaced(UUID orderId, String orderNumber, String channel, long totalFen, Instant placedAt,
            List<Line> lines) {
    }

    record OrderPaid(UUID orderId, String orderNumber, String channel, long totalFen, UUID paymentId, Instant paidAt,
            List<Line> lines) {
    }

    record OrderCompleted(UUID orderId, Instant completedAt) {
    }

    record OrderRefunded(UUID orderId, UUID refundId, String reason, Instant refundedAt, long totalFen,
            List<Line> lines) {
    }

    record OrderCancelled(UUID orderId, String reason, boolean wasPaid, Instant cancelledAt) {
    }

    record Line(UUID productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen, long amountFen) {
    }
}
