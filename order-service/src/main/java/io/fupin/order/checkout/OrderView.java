package io.fupin.order.checkout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * An order as its buyer sees it, or (with {@code sellerId} set) as one seller sees it: only that seller's lines,
 * refunds and amount ({@code totalFen} is then the seller's part), and the delivery contact only while the seller
 * has goods of the paid order to ship.
 */
public record OrderView(OrderId id, String orderNumber, OrderStatus status, Channel channel, BuyerKind buyerKind,
        String organisationName, long totalFen, DeliveryContact delivery, Instant placedAt, Instant paymentDueAt,
        UUID paymentId, Instant paidAt, Instant shippedAt, Instant deliveredAt, Boolean deliveredAutomatically,
        Instant completedAt, Instant cancelledAt, String cancelReason, UUID sellerId, List<OrderLine> lines,
        List<RefundView> refunds) {

    public record RefundView(UUID refundId, UUID sellerId, OrderRefund.RefundReason reason, String note,
            OrderRefund.RefundStatus status, long totalFen, Instant requestedAt, Instant decidedAt,
            String rejectionReason, List<RefundLine> lines) {
    }

    static OrderView of(Order o) {
        return view(o, null, line -> true);
    }

    static OrderView forSeller(Order o, UUID sellerId) {
        return view(o, sellerId, sellerId::equals);
    }

    private static OrderView view(Order o, UUID sellerId, Predicate<UUID> sellerOf) {
        List<OrderLine> lines = o.lines().stream().filter(l -> sellerOf.test(l.sellerId())).toList();
        long total = sellerId == null ? o.totalFen()
                : lines.stream().mapToLong(OrderLine::amountFen).reduce(0L, Math::addExact);
        List<RefundView> refunds = o.refunds().stream()
                .map(r -> new RefundView(r.refundId(), r.sellerId(), r.reason(), r.note(), r.status(), r.totalFen(),
                        r.requestedAt(), r.decidedAt(), r.rejectionReason(), o.refundLines().stream()
                        .filter(l -> l.refundId().equals(r.refundId()) && sellerOf.test(l.sellerId())).toList()))
                .filter(r -> !r.lines().isEmpty())
                .map(r -> sellerId == null ? r : new RefundView(r.refundId(), r.sellerId(), r.reason(), r.note(),
                        r.status(), r.lines().stream().mapToLong(RefundLine::amountFen).sum(), r.requestedAt(),
                        r.decidedAt(), r.rejectionReason(), r.lines()))
                .toList();
        return new OrderView(o.id(), o.orderNumber(), o.status(), o.channel(), o.buyerKind(), o.organisationName(),
                total, sellerId == null || o.awaitsShipmentBy(sellerId) ? o.contact() : null, o.placedAt(), o.paymentDueAt(), o.paymentId(), o.paidAt(), o.shippedAt(),
                o.deliveredAt(), o.deliveredAutomatically(), o.completedAt(), o.cancelledAt(), o.cancelReason(),
                sellerId, lines, refunds);
    }
}
