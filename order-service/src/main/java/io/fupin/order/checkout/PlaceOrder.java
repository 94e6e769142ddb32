package io.fupin.order.checkout;

import io.fupin.order.stock.ProductId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/orders}. */
public record PlaceOrder(
        @NotEmpty @Size(max = 20) List<@Valid @NotNull Line> lines,
        @NotNull Channel channel,
        @NotNull @Valid Buyer buyer,
        @NotNull @Valid Delivery delivery) {

    public record Line(@NotNull ProductId productId, @Positive @Max(1000) int quantity) {
    }

    public record Buyer(@NotNull BuyerKind kind, @Size(max = 200) String organisationName) {

        @AssertTrue(message = "an organisation buyer needs its organisationName")
        @Schema(hidden = true)
        public boolean isOrganisationNamed() {
            return kind != BuyerKind.ORGANISATION || (organisationName != null && !organisationName.isBlank());
        }
    }

    /** Mainland mobile numbers: 11 digits starting 13–19. */
    public record Delivery(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Pattern(regexp = "1[3-9]\\d{9}", message = "must be a mainland mobile number of 11 digits") String mobile,
            @NotBlank @Size(max = 300) String address) {
    }

    @AssertTrue(message = "each product may appear on one line only")
    @Schema(hidden = true)
    public boolean isEachProductOnce() {
        return lines == null || lines.stream().filter(l -> l != null).map(Line::productId).distinct().count()
                == lines.stream().filter(l -> l != null).count();
    }
}
