package io.fupin.catalog.product;

import java.util.UUID;

/** An official decides a cost change once. */
public class CostChangeDecided extends RuntimeException {

    public CostChangeDecided(UUID id, CostChange.Status status) {
        super("Cost change " + id + " is already " + status + ".");
    }
}
