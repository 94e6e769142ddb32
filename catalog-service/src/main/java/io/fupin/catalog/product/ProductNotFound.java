package io.fupin.catalog.product;

import java.util.UUID;

public class ProductNotFound extends RuntimeException {

    public ProductNotFound(UUID id) {
        super("There is no product " + id + ".");
    }
}
