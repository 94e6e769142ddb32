package io.fupin.household.product;

import java.time.Instant;
import java.util.UUID;

/**
 * household-service's own reading of {@code catalog-service.product-events.v1}: every event carries the product
 * as it now stands, of which only the owner matters here. Unknown fields are ignored.
 */
record ProductEventMessage(UUID eventId, String eventType, int eventVersion, Instant occurredAt, String aggregateId,
        State payload) {

    record State(UUID productId, UUID sellerId, String status, long revision) {
    }
}
