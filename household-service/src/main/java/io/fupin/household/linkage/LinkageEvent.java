package io.fupin.household.linkage;

import io.fupin.support.events.EventEnvelope;
import io.fupin.support.events.EventTopic;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every event on {@code household-service.linkage-events.v1}, each sent in an {@link EventEnvelope} keyed by
 * product id so that a product's versions arrive in order; settlement keeps its own copy from these.
 */
@EventTopic(LinkageEvent.TOPIC)
public sealed interface LinkageEvent {

    String TOPIC = "household-service.linkage-events.v1";

    static EventEnvelope<LinkageEvent> versioned(BenefitLinkageVersioned payload, Instant now) {
        return EventEnvelope.of(payload.productId(), now, payload);
    }

    record BenefitLinkageVersioned(UUID linkageId, UUID productId, UUID sellerId, String lotName, int version,
            Instant effectiveFrom, List<Share> shares) implements LinkageEvent {
    }

    record Share(UUID householdId, int shares) {
    }
}
