package io.fupin.catalog.seller;

import io.fupin.catalog.seller.SellerApplication.Status;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog/seller-applications")
@Tag(name = "Seller applications", description = "Would-be sellers apply; officials approve (the seller is registered) or reject with a reason")
class SellerApplicationController {

    record Mine(List<SellerApplication> items) {
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    private final SellerOnboarding onboarding;

    SellerApplicationController(SellerOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @PostMapping
    @Operation(summary = "Apply to join as a seller (CONSUMER without the SELLER role) → 201 PENDING; credit code with "
            + "its GB 32100 check character (400 naming creditCode), one to ten document references; a registered code "
            + "→ 409 duplicate-credit-code; one application waiting per person and per code → 409 application-pending")
    ResponseEntity<SellerApplication> apply(Caller caller, @Valid @RequestBody ApplyAsSeller request) {
        SellerApplication application = onboarding.apply(caller, request);
        return ResponseEntity.created(URI.create("/api/catalog/seller-applications/" + application.id()))
                .body(application);
    }

    @GetMapping("/mine")
    @Operation(summary = "The caller's own applications, latest first, with each decision and its reason (CONSUMER)")
    Mine mine(Caller caller) {
        return new Mine(onboarding.mine(caller));
    }

    @GetMapping
    @Operation(summary = "Applications in a status (default PENDING), oldest first, one page (OFFICIAL, ADMIN)")
    Page<SellerApplication> list(@RequestParam(defaultValue = "PENDING") Status status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return onboarding.withStatus(status, PageRequest.of(page, size, 200));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve: the seller is registered (id derived from the credit code) and named in sellerId; "
            + "a decided application → 409 application-decided (OFFICIAL, ADMIN)")
    SellerApplication approve(Caller caller, @PathVariable UUID id) {
        return onboarding.approve(caller, id);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject with the reason the applicant reads (OFFICIAL, ADMIN)")
    SellerApplication reject(Caller caller, @PathVariable UUID id, @Valid @RequestBody Reason request) {
        return onboarding.reject(caller, id, request.reason());
    }
}
