package io.fupin.catalog.product;

import io.fupin.catalog.seller.SellerId;
import java.time.Instant;
import java.util.UUID;

/** A requested raise of a certified product's cost, as answered over HTTP. */
public record CostChange(UUID id, ProductId productId, SellerId sellerId, long priceFen, long costFen, String costReason,
        String evidence, long currentPriceFen, long currentCostFen, Status status, String requestedBy,
        Instant requestedAt, String decidedBy, Instant decidedAt, String decisionNote) {

    public enum Status { PENDING, APPROVED, REJECTED }
}
