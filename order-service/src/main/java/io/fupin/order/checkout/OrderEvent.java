package io.fupin.order.checkout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * The envelope of every event on {@code order-service.order-events.v1}, keyed by order id so that one
 * order's events stay in order. Written to the outbox in the transaction that changes the order.
 */
@Externalized("order-service.order-events.v1::#{#this.aggregateId()}")
public record OrderEvent(UUID eventId, String eventType, int eventVersion, Instant occurredAt, String aggregateId,
        Object payload) {

    static OrderEvent of(UUID orderId, Instant occurredAt, Object payload) {
        return new OrderEvent(UUID.randomUUID(), payload.getClass().getSimpleName(), 1, occurredAt, orderId.toString(),
                payload);
    }

    public record OrderPlaced(UUID orderId, String orderNumber, String buyerId, BuyerKind buyerKind,
            String organisationName, Channel channel, long totalFen, Instant placedAt, List<Line> lines) {
    }

    /** Per line what settlement needs: product, seller, quantity, unit price and cost, amount. */
    public record Line(UUID productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen, long amountFen) {
        static Line of(OrderLine line) {
            return new Line(line.productId(), line.sellerId(), line.quantity(), line.unitPriceFen(), line.unitCostFen(),
                    line.amountFen());
        }
    }
}
