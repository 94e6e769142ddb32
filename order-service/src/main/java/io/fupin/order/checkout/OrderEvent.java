package io.fupin.order.checkout;

import io.fupin.order.stock.ProductId;
import io.fupin.support.events.EventEnvelope;
import io.fupin.support.events.EventTopic;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Every event on {@code order-service.order-events.v1}, each sent in an {@link EventEnvelope} keyed by order id
 * so that one order's events share a partition. Written to the outbox in the transaction that changes the order;
 * the envelope's {@code sequence} numbers the order's events 1, 2, 3 ... in the order those transactions
 * committed, so that a consumer can tell which came first whatever order they reach it in.
 */
@EventTopic(OrderEvent.TOPIC)
public sealed interface OrderEvent {

    String TOPIC = "order-service.order-events.v1";

    static EventEnvelope<OrderEvent> of(OrderId orderId, long sequence, Instant occurredAt, OrderEvent event) {
        return EventEnvelope.of(orderId, sequence, occurredAt, event);
    }

    record OrderPlaced(OrderId orderId, String orderNumber, String buyerId, BuyerKind buyerKind,
            String organisationName, Channel channel, long totalFen, Instant placedAt, List<Line> lines)
            implements OrderEvent {
    }

    /** Everything settlement needs to allocate the proceeds, and household-service to count presale subscribers. */
    record OrderPaid(OrderId orderId, String orderNumber, String buyerId, BuyerKind buyerKind,
            String organisationName, Channel channel, long totalFen, UUID paymentId, Instant paidAt, List<Line> lines)
            implements OrderEvent {
    }

    /** A paid order's money goes back through an {@link OrderRefunded} emitted just before. */
    record OrderCancelled(OrderId orderId, String reason, boolean wasPaid, Instant cancelledAt) implements OrderEvent {
    }

    /** One per seller shipment. */
    record OrderShipped(OrderId orderId, UUID sellerId, String trackingNumber, Instant shippedAt,
            List<ProductId> productIds) implements OrderEvent {
    }

    record OrderDelivered(OrderId orderId, Instant deliveredAt, boolean automatically) implements OrderEvent {
    }

    /** Delivered and past the refund window: the proceeds become payable. */
    record OrderCompleted(OrderId orderId, Instant completedAt) implements OrderEvent {
    }

    /** Refunded quantities only. */
    record OrderRefunded(OrderId orderId, UUID refundId, String reason, Instant refundedAt, long totalFen,
            List<Line> lines) implements OrderEvent {
    }

    /** Per line what settlement needs: product, seller, quantity, unit price and cost, amount. */
    record Line(ProductId productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen, long amountFen,
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
