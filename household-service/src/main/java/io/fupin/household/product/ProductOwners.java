package io.fupin.household.product;

import io.fupin.household.registry.SellerHouseholds;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Callers;
import io.fupin.support.identity.Role;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * household-service's ownership rules, written once and named in the use cases' {@code @PreAuthorize}
 * ({@code @owners.ofProduct(#productId)}, {@code @owners.ofHousehold(#id)}). The owner of a product is the seller
 * catalog-service announced for it; a seller's households are those its products' linkages name.
 */
@Component("owners")
class ProductOwners {

    private final KnownProducts products;
    private final SellerHouseholds households;

    ProductOwners(KnownProducts products, SellerHouseholds households) {
        this.products = products;
        this.households = households;
    }

    /** The caller is a seller one of whose products the household shares in. */
    public boolean ofHousehold(UUID householdId) {
        UUID own = boundSeller();
        return own != null && householdId != null && households.isLinked(own, householdId);
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
