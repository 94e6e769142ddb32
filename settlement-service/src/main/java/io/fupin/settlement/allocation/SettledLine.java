package io.fupin.settlement.allocation;

import java.time.Instant;
import java.util.UUID;

/** A paid order line as allocation keeps it; {@code linkage} is {@code null} while the net is in suspense. */
record SettledLine(UUID orderId, int lineNo, UUID productId, UUID sellerId, int quantity, int refundedQuantity,
        long unitPriceFen, long unitCostFen, Instant paidAt, Instant completedAt, Linkages.LinkageRef linkage) {

    int remaining() {
        return quantity - refundedQuantity;
    }

    boolean completed() {
        return completedAt != null;
    }

    boolean inSuspense() {
        return linkage == null;
    }

    Allocator.LineAmounts amounts(int ofQuantity) {
        return Allocator.amounts(unitPriceFen, unitCostFen, ofQuantity);
    }
}
