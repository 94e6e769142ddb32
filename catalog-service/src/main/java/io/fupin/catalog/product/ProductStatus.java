package io.fupin.catalog.product;

/**
 * Where a product stands in its certification life. Only {@link #ON_SALE} products with an unexpired
 * certificate can be found by default and reserved.
 */
public enum ProductStatus {
    DRAFT, CERTIFICATION_REQUESTED, CERTIFICATION_REJECTED, ON_SALE, SUSPENDED, REVOKED, CERTIFICATION_EXPIRED, DELISTED
}
