package io.fupin.catalog.product;

import java.util.UUID;

/** A product can only be listed for a registered seller. */
public class UnknownSeller extends RuntimeException {

    public UnknownSeller(UUID sellerId) {
        super(sellerId == null ? "The caller is not bound to a seller; name a registered sellerId."
                : "There is no registered seller " + sellerId + ".");
    }
}
