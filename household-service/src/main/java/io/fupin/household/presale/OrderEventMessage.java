package io.fupin.household.presale;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * household-service's own reading of {@code order-service.order-events.v1}: only the event it uses, only the
 * fields it uses; unknown fields and event types are ignored.
 */
sealed interface OrderEventMessage {

    record OrderPaid(UUID orderId, String buyerId, Instant paidAt, List<Line> lines) implements OrderEventMessage {
    }

    record Line(UUID productId, UUID sellerId, int quantity, LocalDate presaleDeliveryDate) {
    }
}
