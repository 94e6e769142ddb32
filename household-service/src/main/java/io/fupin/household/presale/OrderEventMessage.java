package io.fupin.household.presale;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** household-service's own reading of {@code order-service.order-events.v1}; unknown fields are ignored. */
record OrderEventMessage(UUID eventId, String eventType, int eventVersion, Instant occurredAt, String aggregateId,
        JsonNode payload) {

    record OrderPaid(UUID orderId, String buyerId, Instant paidAt, List<Line> lines) {
    }

    record Line(UUID productId, UUID sellerId, int quantity, LocalDate presaleDeliveryDate) {
    }
}
