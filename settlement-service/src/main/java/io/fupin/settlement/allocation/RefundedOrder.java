package io.fupin.settlement.allocation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A refund of some quantities of a paid order. */
public record RefundedOrder(UUID orderId, UUID refundId, Instant refundedAt, List<Line> lines) {

    public record Line(UUID productId, UUID sellerId, int quantity, long unitPriceFen, long amountFen) {
    }
}
