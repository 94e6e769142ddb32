package io.fupin.catalog.product;

import java.util.UUID;

public class CostChangeNotFound extends RuntimeException {

    public CostChangeNotFound(UUID id) {
        super("There is no cost change " + id + ".");
    }
}
