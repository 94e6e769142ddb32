package io.fupin.order.checkout;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Money going back to the buyer for some units of an order.
 *
 * @param sellerId the seller who decides a requested refund; {@code null} for refunds the platform makes itself
 * @param rejectionReason why the seller rejected a requested refund, as the buyer reads it; {@code null} otherwise
 */
@Table("order_refund")
public record OrderRefund(UUID refundId, UUID sellerId, RefundReason reason, String note, RefundStatus status,
        long totalFen, Instant requestedAt, Instant decidedAt, String rejectionReason) {

    public enum RefundStatus {
        REQUESTED, ACCEPTED, REJECTED
    }

    public enum RefundReason {
        /** A paid order was cancelled before shipping. */
        CANCELLED,
        /** The harvest fell short: a presale line was cut pro rata. */
        PRESALE_SHORTFALL,
        /** The consumer asked for some lines back after delivery and the seller accepted. */
        RETURNED_AFTER_DELIVERY
    }

    OrderRefund accept(Instant at) {
        return new OrderRefund(refundId, sellerId, reason, note, RefundStatus.ACCEPTED, totalFen, requestedAt, at, null);
    }

    OrderRefund reject(String why, Instant at) {
        return new OrderRefund(refundId, sellerId, reason, note, RefundStatus.REJECTED, totalFen, requestedAt, at, why);
    }
}
