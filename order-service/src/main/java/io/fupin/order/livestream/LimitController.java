package io.fupin.order.livestream;

import io.fupin.order.stock.ProductId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders/livestream-limits")
@Tag(name = "Livestream limits", description = "Units one buyer may order of a product in livestream sales")
class LimitController {

    private final BuyerLimits limits;

    LimitController(BuyerLimits limits) {
        this.limits = limits;
    }

    record Limit(ProductId productId, @Positive @Max(10_000) int maxUnitsPerBuyer) {
    }

    record NewLimit(@Positive @Max(10_000) int maxUnitsPerBuyer) {
    }

    @GetMapping("/{productId}")
    @Operation(summary = "The per-buyer limit in force for a product (its own, else the default)")
    Limit limit(@PathVariable ProductId productId) {
        return new Limit(productId, limits.limitOf(productId));
    }

    @PutMapping("/{productId}")
    @Operation(summary = "Set a product's per-buyer livestream limit (ADMIN, who runs the livestream)")
    Limit set(@PathVariable ProductId productId, @Valid @RequestBody NewLimit request) {
        limits.setLimit(productId, request.maxUnitsPerBuyer());
        return new Limit(productId, request.maxUnitsPerBuyer());
    }
}
