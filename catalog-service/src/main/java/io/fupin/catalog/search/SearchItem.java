package io.fupin.catalog.search;

import io.fupin.catalog.product.ProductCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One product in a search answer; the full product is at {@code /api/catalog/products/{id}}. */
public record SearchItem(UUID id, UUID sellerId, String sellerName, String name, ProductCategory category, String brand,
        String unit, long priceFen, int stock, String town, String village, String certificateNumber,
        LocalDate certificateValidUntil, LocalDate presaleDeliveryDate, Instant createdAt) {
}
