package io.fupin.household.owners;

import io.fupin.household.agreement.AgreementId;
import io.fupin.household.agreement.PurchaseAgreements;
import io.fupin.household.presale.OfferId;
import io.fupin.household.presale.PresaleMatching;
import io.fupin.household.product.KnownProducts;
import io.fupin.household.registry.HouseholdId;
import io.fupin.household.registry.SellerHouseholds;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Callers;
import io.fupin.support.identity.Role;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * household-service's ownership rules, written once and named in the use cases' {@code @PreAuthorize}
 * ({@code @owners.ofProduct(#productId)}, {@code @owners.ofHousehold(#id)} ...). The owner of a product is the
 * seller catalog-service announced for it; a seller's households are those its products' linkages name.
 * Something that does not exist passes where the use case answers 404 or 400 for everyone.
 */
@Component("owners")
class Owners {

    private final KnownProducts products;
    private final SellerHouseholds households;
    private final PurchaseAgreements agreements;
    private final PresaleMatching presale;

    Owners(KnownProducts products, SellerHouseholds households, PurchaseAgreements agreements, PresaleMatching presale) {
        this.products = products;
        this.households = households;
        this.agreements = agreements;
        this.presale = presale;
    }

    /**
     * The caller is the seller of the product. A product not yet announced passes, so that the use case answers
     * as it does for everyone (it refuses what it cannot check); one of another seller does not (403).
     */
    public boolean ofProduct(UUID productId) {
        UUID own = boundSeller();
        return own != null && (productId == null || products.ownerOf(productId).map(own::equals).orElse(true));
    }

    /** The caller is a seller one of whose products the household shares in; for others it does not exist. */
    public boolean ofHousehold(HouseholdId householdId) {
        UUID own = boundSeller();
        return own != null && householdId != null && households.isLinked(own, householdId.value());
    }

    /** The caller is the seller of the enterprise buying under the agreement. */
    public boolean ofAgreement(AgreementId agreementId) {
        UUID own = boundSeller();
        return own != null && agreements.buyerOf(agreementId).map(own::equals).orElse(false);
    }

    /** The caller is the seller of the product a presale offer is for. */
    public boolean ofOffer(OfferId offerId) {
        return boundSeller() != null && presale.productOf(offerId).map(this::ofProduct).orElse(true);
    }

    private static UUID boundSeller() {
        return Callers.current().filter(caller -> caller.hasRole(Role.SELLER)).map(Caller::sellerId).orElse(null);
    }
}
