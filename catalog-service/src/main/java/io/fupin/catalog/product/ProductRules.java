package io.fupin.catalog.product;

/** Limits shared by the requests that create and change products. */
final class ProductRules {

    static final int MAX_DESCRIPTION = 5000;
    static final long MAX_PRICE_FEN = 100_000_000;

    private ProductRules() {
    }
}
