package io.fupin.catalog.product;

/** Limits shared by the requests that create and change products. */
final class ProductRules {

    static final int MAX_DESCRIPTION = 5000;
    static final long MAX_PRICE_FEN = 100_000_000;
    /** Units one product may hold: far above any real stock, far below the column's limit. */
    static final int MAX_STOCK = 1_000_000_000;

    private ProductRules() {
    }
}
