package io.fupin.catalog.seller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Internal API for the gateway only (the gateway does not route {@code /internal}): whom a user acts for as a seller. */
@RestController
@RequestMapping("/internal/seller-grants")
@Tag(name = "Seller grants (internal)", description = "The seller an approved application made of a user, for the gateway")
class SellerGrantController {

    /** The user acts for the seller {@code sellerId}, registered when an official approved its application. */
    record SellerGrant(String userId, SellerId sellerId) {
    }

    private final SellerOnboarding onboarding;

    SellerGrantController(SellerOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @GetMapping("/{userId}")
    @Operation(summary = "The seller of the user's approved application (SERVICE); 404 not-found while none is approved")
    SellerGrant grant(@PathVariable String userId) {
        return onboarding.grantOf(userId).map(seller -> new SellerGrant(userId, seller))
                .orElseThrow(() -> new NoSellerGrant(userId));
    }
}
