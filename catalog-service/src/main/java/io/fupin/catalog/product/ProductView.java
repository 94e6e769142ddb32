package io.fupin.catalog.product;

import java.util.UUID;

/** A product as consumers see it. */
public record ProductView(UUID id, UUID sellerId, String name, ProductCategory category, String unit, long priceFen,
        long costFen, int stock, ProductStatus status) {

    static ProductView of(Product p) {
        return new ProductView(p.id(), p.sellerId(), p.name(), p.category(), p.unit(), p.priceFen(), p.costFen(),
                p.stock(), p.status());
    }
}
