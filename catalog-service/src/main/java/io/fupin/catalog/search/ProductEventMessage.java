package io.fupin.catalog.search;

import io.fupin.catalog.product.ProductCategory;
import io.fupin.catalog.product.ProductStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The search consumer's own reading of {@code catalog-service.product-events.v1} (no shared classes with the
 * producer, as for any consumer): only the fields the index needs; unknown fields are ignored.
 */
record ProductEventMessage(UUID eventId, String eventType, int eventVersion, Instant occurredAt, String aggregateId,
        JsonNode payload) {

    record Product(UUID productId, UUID sellerId, String sellerName, String name, ProductCategory category,
            String brand, String description, String unit, long priceFen, int stock, String town, String village,
            ProductStatus status, Certificate certificate, Presale presale, Instant createdAt, Instant changedAt,
            long revision) {
    }

    record Certificate(String number, LocalDate validUntil) {
    }

    record Presale(LocalDate deliveryDate) {
    }
}
