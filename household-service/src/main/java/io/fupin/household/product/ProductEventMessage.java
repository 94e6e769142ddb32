package io.fupin.household.product;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.UUID;

/**
 * household-service's own reading of {@code catalog-service.product-events.v1}: every event carries the product
 * as it now stands, of which only the owner matters here. Unknown fields are ignored.
 */
sealed interface ProductEventMessage {

    State product();

    record ProductListed(@JsonUnwrapped State product) implements ProductEventMessage {
    }

    record ProductUpdated(@JsonUnwrapped State product) implements ProductEventMessage {
    }

    record ProductCertified(@JsonUnwrapped State product) implements ProductEventMessage {
    }

    record ProductCertificationRevoked(@JsonUnwrapped State product) implements ProductEventMessage {
    }

    record ProductCertificationExpired(@JsonUnwrapped State product) implements ProductEventMessage {
    }

    record ProductSuspended(@JsonUnwrapped State product) implements ProductEventMessage {
    }

    record ProductDelisted(@JsonUnwrapped State product) implements ProductEventMessage {
    }

    record StockChanged(@JsonUnwrapped State product) implements ProductEventMessage {
    }

    record State(UUID productId, UUID sellerId, String status, long revision) {
    }
}
