package io.fupin.catalog.product;

import io.fupin.catalog.seller.SellerId;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Callers;
import io.fupin.support.identity.Role;
import org.springframework.stereotype.Component;

/**
 * The catalog's ownership rules, written once and named in the use cases' {@code @PreAuthorize}
 * ({@code @owners.ofProduct(#id)}): a seller acts only for itself and on its own products.
 */
@Component("owners")
class ProductOwners {

    private final Products products;

    ProductOwners(Products products) {
        this.products = products;
    }

    /** The caller is a seller bound to a seller id. */
    public boolean isSeller() {
        return boundSeller() != null;
    }

    /** The caller is a seller acting for itself: the seller a request names is its own, or none. */
    public boolean isSeller(SellerId named) {
        SellerId own = boundSeller();
        return own != null && (named == null || named.equals(own));
    }

    /**
     * The caller is the seller of the product. An unknown product passes, so that the use case answers 404
     * as it does for everyone; a known one of another seller does not (403).
     */
    public boolean ofProduct(ProductId productId) {
        SellerId own = boundSeller();
        return own != null && products.findById(productId).map(p -> p.sellerId().equals(own)).orElse(true);
    }

    private static SellerId boundSeller() {
        return Callers.current().filter(caller -> caller.hasRole(Role.SELLER)).map(Caller::sellerId).map(SellerId::new)
                .orElse(null);
    }
}
