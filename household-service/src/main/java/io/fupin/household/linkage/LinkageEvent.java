package io.fupin.household.linkage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * The envelope of every event on {@code household-service.linkage-events.v1}, keyed by product id so
 * that a product's versions arrive in order; settlement keeps its own copy from these.
 */
@Externalized("household-service.linkage-events.v1::#{#this.aggregateId()}")
public record LinkageEvent(UUID eventId, String eventType, int eventVersion, Instant occurredAt, String aggregateId,
        Object payload) {

    static LinkageEvent versioned(BenefitLinkageVersioned payload, Instant now) {
        return new LinkageEvent(UUID.randomUUID(), "BenefitLinkageVersioned", 1, now, payload.productId().toString(),
                payload);
    }

    public record BenefitLinkageVersioned(UUID linkageId, UUID productId, UUID sellerId, String lotName, int version,
            Instant effectiveFrom, List<Share> shares) {
    }

    public record Share(UUID householdId, int shares) {
    }
}
