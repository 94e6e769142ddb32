package io.fupin.catalog.product;

/** Where a product stands in its life; only {@link #ON_SALE} products can be found and reserved. */
public enum ProductStatus {
    DRAFT, ON_SALE, DELISTED
}
