package io.fupin.catalog.product;

import io.fupin.catalog.seller.SellerId;
import io.fupin.support.problem.InvalidInput;

/** A product can only be listed for a registered seller. */
public class UnknownSeller extends InvalidInput {

    public UnknownSeller(SellerId sellerId) {
        super("sellerId", sellerId == null ? "The caller is not bound to a seller; name a registered sellerId."
                : "There is no registered seller " + sellerId.value() + ".");
    }
}
