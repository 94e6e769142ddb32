package io.fupin.catalog.product;

import io.fupin.catalog.seller.SellerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * @param sellerId only for an ADMIN listing on a seller's behalf; a SELLER lists for its own seller
 * @param originVillage where it is grown or raised; the seller's village when absent
 */
public record NewProduct(
        SellerId sellerId,
        @NotBlank @Size(max = 200) String name,
        @NotNull ProductCategory category,
        @Size(max = 100) String brand,
        @Size(max = ProductRules.MAX_DESCRIPTION) String description,
        @NotBlank @Size(max = 50) String unit,
        @Positive @Max(ProductRules.MAX_PRICE_FEN) long priceFen,
        @PositiveOrZero long costFen,
        @Size(max = 500) String costReason,
        @PositiveOrZero @Max(10_000_000) int stock,
        @Size(max = 100) String originVillage,
        @Valid PresaleTerms presale) {
}
