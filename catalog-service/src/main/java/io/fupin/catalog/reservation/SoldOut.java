package io.fupin.catalog.reservation;

import java.util.UUID;

/** Not enough stock (or the product is not on sale) for one of the lines: nothing was reserved. */
public class SoldOut extends RuntimeException {

    private final UUID productId;

    public SoldOut(UUID productId) {
        super("Product " + productId + " does not have the requested quantity on sale.");
        this.productId = productId;
    }

    public UUID productId() {
        return productId;
    }
}
