package io.fupin.catalog.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The requests that change a product after it was listed. */
public final class ProductChanges {

    private ProductChanges() {
    }

    public record Describe(
            @NotBlank @Size(max = 200) String name,
            @NotNull ProductCategory category,
            @Size(max = 100) String brand,
            @Size(max = ProductRules.MAX_DESCRIPTION) String description,
            @NotBlank @Size(max = 50) String unit,
            @Size(max = 100) String originVillage,
            @Valid PresaleTerms presale) {
    }

    /** {@code evidence} (an invoice, a freight contract) is needed when the cost of a certified product goes up. */
    public record Reprice(@Positive @Max(ProductRules.MAX_PRICE_FEN) long priceFen, @PositiveOrZero long costFen,
            @Size(max = 500) String costReason, @Size(max = 2000) String evidence) {
    }


    public record RequestCertification(@NotBlank @Size(max = 64) String certificateNumber,
            @NotBlank @Size(max = 200) String issuingBody, @NotNull LocalDate validFrom, @NotNull LocalDate validUntil) {
    }

    /** Why an official rejects, suspends or revokes. */
    public record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    /** Stock the seller adds (positive) or writes off (negative); sales move stock through reservations. */
    public record AdjustStock(@NotNull @Min(-10_000_000) @Max(10_000_000) Integer delta) {
    }
}
