package io.fupin.catalog.search;

import io.fupin.catalog.product.ProductCategory;
import io.fupin.catalog.product.ProductId;
import io.fupin.catalog.product.ProductStatus;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The search consumer's own reading of {@code catalog-service.product-events.v1} (no shared classes with the
 * producer, as for any consumer): every event type carries the product as it stands, of which the index needs only
 * some fields; unknown fields and event types are ignored.
 */
sealed interface ProductEventMessage {

    Product product();

    record ProductListed(@JsonUnwrapped Product product) implements ProductEventMessage {
    }

    record ProductUpdated(@JsonUnwrapped Product product) implements ProductEventMessage {
    }

    record ProductCertified(@JsonUnwrapped Product product) implements ProductEventMessage {
    }

    record ProductCertificationRevoked(@JsonUnwrapped Product product) implements ProductEventMessage {
    }

    record ProductCertificationExpired(@JsonUnwrapped Product product) implements ProductEventMessage {
    }

    record ProductSuspended(@JsonUnwrapped Product product) implements ProductEventMessage {
    }

    record ProductDelisted(@JsonUnwrapped Product product) implements ProductEventMessage {
    }

    record StockChanged(@JsonUnwrapped Product product) implements ProductEventMessage {
    }

    record Product(ProductId productId, UUID sellerId, String sellerName, String name, ProductCategory category,
            String brand, String description, String unit, long priceFen, int stock, String town, String village,
            ProductStatus status, Certificate certificate, Presale presale, Instant createdAt, Instant changedAt,
            long revision) {
    }

    record Certificate(String number, LocalDate validUntil) {
    }

    record Presale(LocalDate deliveryDate) {
    }
}
