package io.fupin.household.product;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Callers;
import io.fupin.support.identity.Role;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * household-service's ownership rules, written once and named in the use cases' {@code @PreAuthorize}
 * ({@code @owners.ofProduct(#productId)}). The owner of a product is the seller catalog-service announced for it.
 */
@Component("owners")
class ProductOwners {

    private final KnownProducts products;

    ProductOwners(KnownProducts products) {
        this.products = products;
    }

    /**
     * The caller is the seller of the product. A product not yet announced passes, so that the use case answers
     * as it does for everyone (it refuses what it cannot check); one of another seller does not (403).
     */
    public boolean ofProduct(UUID productId) {
        UUID own = boundSeller();
        return own != null && (productId == null || products.ownerOf(productId).map(own::equals).orElse(true));
    }

    private static UUID boundSeller() {
        return Callers.current().filter(caller -> caller.hasRole(Role.SELLER)).map(Caller::sellerId).orElse(null);
    }
}
