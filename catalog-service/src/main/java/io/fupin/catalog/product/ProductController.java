package io.fupin.catalog.product;

import io.fupin.catalog.product.ProductChanges.AdjustStock;
import io.fupin.catalog.product.ProductChanges.Describe;
import io.fupin.catalog.product.ProductChanges.Reason;
import io.fupin.catalog.product.ProductChanges.Reprice;
import io.fupin.catalog.product.ProductChanges.RequestCertification;
import io.fupin.catalog.seller.SellerId;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog/products")
@Tag(name = "Products", description = "Listing, certification and prices of products")
class ProductController {

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One product, in any state, with its live stock")
    ProductView product(@PathVariable ProductId id) {
        return catalog.product(id);
    }

    @GetMapping("/worklist")
    @Operation(summary = "Products in any state: OFFICIAL/ADMIN by status and/or seller (e.g. CERTIFICATION_REQUESTED), "
            + "a SELLER its own")
    Page<ProductView> worklist(Caller caller, @RequestParam(required = false) ProductStatus status,
            @RequestParam(required = false) SellerId sellerId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return catalog.worklist(caller, status, sellerId, PageRequest.of(page, size, 200));
    }

    record CostChangeList(ProductId productId, List<CostChange> items) {
    }

    @GetMapping("/{id}/prices")
    @Operation(summary = "Every price version of a product, oldest first")
    PriceHistoryView prices(@PathVariable ProductId id) {
        return new PriceHistoryView(id, catalog.priceHistory(id));
    }

    record PriceHistoryView(ProductId productId, List<PriceVersion> versions) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "List a product as a draft (SELLER for its own seller, or ADMIN with sellerId)")
    ResponseEntity<ProductView> list(Caller caller, @Valid @RequestBody NewProduct request) {
        ProductView product = catalog.list(caller, request);
        return ResponseEntity.created(URI.create("/api/catalog/products/" + product.id().value())).body(product);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change the description, unit, origin or presale terms (owning SELLER, ADMIN)")
    ProductView describe(@PathVariable ProductId id, @Valid @RequestBody Describe request) {
        return catalog.describe(id, request);
    }

    @PutMapping("/{id}/price")
    @Operation(summary = "A new price version (owning SELLER, ADMIN); reservations keep the version they were made at. "
            + "Raising the cost of a certified product answers 202 with a cost change waiting for an official "
            + "(evidence required); the cost may not exceed its category's share of the price")
    ResponseEntity<?> reprice(Caller caller, @PathVariable ProductId id, @Valid @RequestBody Reprice request) {
        ProductCatalog.Repricing repricing = catalog.reprice(caller, id, request);
        return repricing.pendingChange() != null
                ? ResponseEntity.accepted().body(repricing.pendingChange())
                : ResponseEntity.ok(repricing.product());
    }

    @GetMapping("/{id}/cost-changes")
    @Operation(summary = "Every cost change requested for a product, oldest first (owning SELLER, OFFICIAL, ADMIN)")
    CostChangeList costChanges(@PathVariable ProductId id) {
        return new CostChangeList(id, catalog.costChanges(id));
    }

    @PostMapping("/{id}/stock")
    @Operation(summary = "Restock (positive delta) or write off (negative) (owning SELLER, ADMIN)")
    ProductView adjustStock(@PathVariable ProductId id, @Valid @RequestBody AdjustStock request) {
        return catalog.adjustStock(id, request);
    }

    @PostMapping("/{id}/certification-request")
    @Operation(summary = "Ask for certification with the certificate's number, issuer and validity (owning SELLER, ADMIN)")
    ProductView requestCertification(@PathVariable ProductId id,
            @Valid @RequestBody RequestCertification request) {
        return catalog.requestCertification(id, request);
    }

    @PostMapping("/{id}/certification/approve")
    @Operation(summary = "Certify: the product goes on sale (OFFICIAL, ADMIN)")
    ProductView approve(@PathVariable ProductId id) {
        return catalog.approveCertification(id);
    }

    @PostMapping("/{id}/certification/reject")
    @Operation(summary = "Reject a certification request with a reason (OFFICIAL, ADMIN)")
    ProductView reject(@PathVariable ProductId id, @Valid @RequestBody Reason request) {
        return catalog.rejectCertification(id, request.reason());
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Take off sale for now, with a reason (OFFICIAL, ADMIN)")
    ProductView suspend(@PathVariable ProductId id, @Valid @RequestBody Reason request) {
        return catalog.suspend(id, request.reason());
    }

    @PostMapping("/{id}/reinstate")
    @Operation(summary = "Back on sale after a suspension, if the certificate is valid (OFFICIAL, ADMIN)")
    ProductView reinstate(@PathVariable ProductId id) {
        return catalog.reinstate(id);
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke the certification: off sale at once, for good (OFFICIAL, ADMIN)")
    ProductView revoke(@PathVariable ProductId id, @Valid @RequestBody Reason request) {
        return catalog.revokeCertification(id, request.reason());
    }

    @PostMapping("/{id}/delist")
    @Operation(summary = "Withdraw a product (owning SELLER, ADMIN)")
    ProductView delist(@PathVariable ProductId id) {
        return catalog.delist(id);
    }
}
