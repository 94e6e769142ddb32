package io.fupin.catalog.product;

import java.util.UUID;

/** A restock that would take the stock past what one product may hold. */
public class StockLimitExceeded extends RuntimeException {

    public StockLimitExceeded(UUID productId, int delta) {
        super("Adding " + delta + " units would take product " + productId + " past " + ProductRules.MAX_STOCK
                + " units on hand.");
    }
}
