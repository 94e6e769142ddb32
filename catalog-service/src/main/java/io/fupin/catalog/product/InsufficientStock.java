package io.fupin.catalog.product;

import java.util.UUID;

/** A write-off larger than the stock on hand. */
public class InsufficientStock extends RuntimeException {

    public InsufficientStock(UUID productId, int delta) {
        super("Product " + productId + " does not have " + Math.negateExact(delta) + " units on hand to write off.");
    }
}
