package io.fupin.web.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An order as order-service shows it to its buyer (the fields the pages use). */
public record Order(UUID id, String orderNumber, String status, long totalFen, Delivery delivery, Instant placedAt,
        Instant paymentDueAt, UUID paymentId, Instant paidAt, Instant shippedAt, Instant deliveredAt,
        Instant completedAt, Instant cancelledAt, String cancelReason, List<Line> lines, List<Refund> refunds) {

    public record Delivery(String name, String mobile, String address) {
    }

    public record Line(UUID productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen,
            long amountFen, LocalDate presaleDeliveryDate, String certificateNumber, int refundedQuantity,
            String trackingNumber, Instant shippedAt) {

        public int remainingQuantity() {
            return quantity - refundedQuantity;
        }

        public boolean shipped() {
            return shippedAt != null;
        }
    }

    public record Refund(UUID refundId, String reason, String note, String status, long totalFen,
            Instant requestedAt, Instant decidedAt, String rejectionReason) {
    }

    public boolean payable() {
        return "PENDING_PAYMENT".equals(status);
    }

    public boolean cancellable() {
        return "PENDING_PAYMENT".equals(status) || "PAID".equals(status);
    }

    public boolean deliverable() {
        return "SHIPPED".equals(status);
    }

    public boolean refundable() {
        return "DELIVERED".equals(status) && lines.stream().anyMatch(line -> line.remainingQuantity() > 0);
    }
}
