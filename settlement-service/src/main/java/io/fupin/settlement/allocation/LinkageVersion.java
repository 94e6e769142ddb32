package io.fupin.settlement.allocation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of a benefit linkage: who shares in a product's proceeds from {@code effectiveFrom} on. */
public record LinkageVersion(UUID linkageId, UUID productId, UUID sellerId, String lotName, int version,
        Instant effectiveFrom, List<Allocator.Share> shares) {
}
