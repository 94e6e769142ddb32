package io.fupin.household.linkage;

import io.fupin.household.linkage.BenefitLinkages.Declaration;
import io.fupin.household.linkage.BenefitLinkages.HouseholdShare;
import io.fupin.household.registry.HouseholdId;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Benefit linkages", description = "Which households share a product's proceeds, versioned in time")
class LinkageController {

    private final BenefitLinkages linkages;
    private final Beneficiaries beneficiaries;

    LinkageController(BenefitLinkages linkages, Beneficiaries beneficiaries) {
        this.linkages = linkages;
        this.beneficiaries = beneficiaries;
    }

    @GetMapping("/api/households/public/products/{productId}/beneficiaries")
    @Operation(summary = "Anyone, no token: the households sharing in a product now, masked (surname only), with "
            + "counts by category, for the storefront and the public trace pages; 404 without a linkage in force")
    Beneficiaries.View beneficiaries(@PathVariable UUID productId) {
        return beneficiaries.ofProduct(productId);
    }

    @PostMapping("/api/households/products/{productId}/linkage/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Declare the next version of a product's linkage (SELLER for its own products, OFFICIAL, ADMIN)",
            description = "At most 5,000 households in one version (400 on shares beyond): the version travels "
                    + "as one event.")
    LinkageVersion declare(Caller caller, @PathVariable UUID productId, @RequestBody Declaration declaration) {
        return linkages.declare(caller, productId, declaration);
    }

    @GetMapping("/api/households/products/{productId}/linkage/versions")
    @Operation(summary = "Every version of a product's linkage, oldest first")
    Page<LinkageVersion> history(@PathVariable UUID productId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return linkages.history(productId, PageRequest.of(page, size, 200));
    }

    @GetMapping("/api/households/products/{productId}/linkage")
    @Operation(summary = "The version in force now, or at the instant given")
    LinkageVersion inForce(@PathVariable UUID productId, @RequestParam(required = false) Instant at) {
        return linkages.inForce(productId, at);
    }

    @GetMapping("/api/households/{householdId}/linkages")
    @Operation(summary = "The products a household shares in now (OFFICIAL, ADMIN, CLERK)")
    Page<HouseholdShare> ofHousehold(@PathVariable HouseholdId householdId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return linkages.sharesOf(householdId, PageRequest.of(page, size, 200));
    }
}
