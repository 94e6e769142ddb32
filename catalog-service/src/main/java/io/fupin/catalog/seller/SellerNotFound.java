package io.fupin.catalog.seller;

import java.util.UUID;

public class SellerNotFound extends RuntimeException {

    public SellerNotFound(UUID id) {
        super("There is no seller " + id + ".");
    }
}
