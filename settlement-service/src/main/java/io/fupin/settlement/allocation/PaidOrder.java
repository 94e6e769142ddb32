package io.fupin.settlement.allocation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as paid: what allocation needs of it. */
public record PaidOrder(UUID orderId, Instant paidAt, List<Line> lines) {

    public record Line(UUID productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen) {
    }
}
