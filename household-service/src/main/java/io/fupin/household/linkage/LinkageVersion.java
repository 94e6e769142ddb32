package io.fupin.household.linkage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of a product's linkage: in force from {@code effectiveFrom} until the next version's. */
public record LinkageVersion(UUID linkageId, UUID productId, UUID sellerId, int version, String lotName,
        Instant effectiveFrom, String declaredBy, Instant declaredAt, long totalShares, List<ShareView> shares) {

    public record ShareView(UUID householdId, String registrationNumber, String headName, String villageName,
            int shares) {
    }
}
