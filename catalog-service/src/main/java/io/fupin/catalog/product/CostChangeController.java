package io.fupin.catalog.product;

import io.fupin.catalog.product.ProductChanges.Reason;
import io.fupin.support.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog/cost-changes")
@Tag(name = "Cost changes", description = "Raises of a certified product's pass-through cost, decided by an official")
class CostChangeController {

    private final ProductCatalog catalog;

    CostChangeController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "Cost changes waiting for an official, oldest first, with the seller's evidence (OFFICIAL, ADMIN)")
    Pending pending(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return new Pending(catalog.pendingCostChanges(page, size), page, size);
    }

    record Pending(List<CostChange> items, int page, int size) {
    }

    @PostMapping("/{changeId}/approve")
    @Operation(summary = "Approve: the product takes the requested price and cost as a new price version (OFFICIAL, ADMIN)")
    CostChange approve(Caller caller, @PathVariable UUID changeId) {
        return catalog.approveCostChange(caller, changeId);
    }

    @PostMapping("/{changeId}/reject")
    @Operation(summary = "Reject with a reason: the product keeps its price and cost (OFFICIAL, ADMIN)")
    CostChange reject(Caller caller, @PathVariable UUID changeId, @Valid @RequestBody Reason request) {
        return catalog.rejectCostChange(caller, changeId, request.reason());
    }
}
