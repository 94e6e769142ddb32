package io.fupin.catalog.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * @param sellerId only for an ADMIN listing on a seller's behalf; a SELLER lists for its own seller
 */
public record NewProduct(
        UUID sellerId,
        @NotBlank @Size(max = 200) String name,
        @NotNull ProductCategory category,
        @NotBlank @Size(max = 50) String unit,
        @Positive @Max(100_000_000) long priceFen,
        @PositiveOrZero long costFen,
        @PositiveOrZero @Max(10_000_000) int stock) {
}
