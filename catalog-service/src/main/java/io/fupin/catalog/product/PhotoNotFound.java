package io.fupin.catalog.product;

import java.util.UUID;

/** The product exists but has no uploaded photo (pages show its category's picture). */
public class PhotoNotFound extends RuntimeException {

    PhotoNotFound(UUID productId) {
        super("Product " + productId + " has no photo.");
    }
}
