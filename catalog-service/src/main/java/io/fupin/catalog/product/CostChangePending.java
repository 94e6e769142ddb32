package io.fupin.catalog.product;

import java.util.UUID;

/** A product has a cost change waiting for an official already; a second one would race it. */
public class CostChangePending extends RuntimeException {

    public CostChangePending(UUID productId) {
        super("Product " + productId + " already has a cost change waiting for an official; wait for the decision.");
    }
}
