package io.fupin.order.checkout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * The envelope of every event on {@code order-service.order-events.v1}, keyed by order id so that one
 * order's events share a partition. Written to the outbox in the transaction that changes the order;
 * {@code sequence} numbers the order's events 1, 2, 3 ... in the order those transactions committed, so
 * that a consumer can tell which came first whatever order they reach it in.
 */
@Externalized("order-service.order-events.v1::#{#this.aggregateId()}")
public record OrderEvent(UUID eventId, String eventType, int eventVersion, long sequence, Instant occurredAt,
        String aggregateId, Object payload) {

    static OrderEvent of(UUID orderId, long sequence, Instant occurredAt, Object payload) {
        return new OrderEvent(UUID.randomUUID(), payload.getClass().getSimpleName(), 1, sequence, occurredAt,
                orderId.toString(), payload);
    }

    public record OrderPlaced(UUID orderId, String orderNumber, String buyerId, BuyerKind buyerKind,
            String organisationName, Channel channel, long totalFen, Instant placedAt, List<Line> lines) {
    }

    /** Everything settlement needs to allocate the proceeds, and household-service to count presale subscribers. */
    public record OrderPaid(UUID orderId, String orderNumber, String buyerId, BuyerKind buyerKind,
            String organisationName, Channel channel, long totalFen, UUID paymentId, Instant paidAt, List<Line> lines) {
    }

    /** A paid order's money goes back through an {@link OrderRefunded} emitted just before. */
    public record OrderCancelled(UUID orderId, String reason, boolean wasPaid, Instant cancelledAt) {
    }

    /** One per seller shipment. */
    public record OrderShipped(UUID orderId, UUID sellerId, String trackingNumber, Instant shippedAt,
            List<UUID> productIds) {
    }

    public record OrderDelivered(UUID orderId, Instant deliveredAt, boolean automatically) {
    }

    /** Delivered and past the refund window: the proceeds become payable. */
    public record OrderCompleted(UUID orderId, Instant completedAt) {
    }

    /** Refunded quantities only. */
    public record OrderRefunded(UUID orderId, UUID refundId, String reason, Instant refundedAt, long totalFen,
            List<Line> lines) {
    }

    /** Per line what settlement needs: product, seller, quantity, unit price and cost, amount. */
    public record Line(UUID productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen, long amountFen,
            LocalDate presaleDeliveryDate) {
        static Line of(OrderLine line) {
            return new Line(line.productId(), line.sellerId(), line.quantity(), line.unitPriceFen(), line.unitCostFen(),
                    line.amountFen(), line.presaleDeliveryDate());
        }

        static Line of(RefundLine line) {
            return new Line(line.productId(), line.sellerId(), line.quantity(), line.unitPriceFen(), line.unitCostFen(),
                    line.amountFen(), line.presaleDeliveryDate());
        }
    }
}
