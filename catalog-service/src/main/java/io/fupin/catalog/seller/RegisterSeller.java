package io.fupin.catalog.seller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an official registers about a seller. */
public record RegisterSeller(
        @NotBlank @Size(max = 200) String name,
        @NotNull SellerKind kind,
        @NotNull @ValidCreditCode String creditCode,
        @NotNull @Valid Contact contact,
        @NotBlank @Size(max = 100) String town,
        @NotBlank @Size(max = 100) String village) {

    public record Contact(@NotBlank @Size(max = 100) String name,
            @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 ()-]{4,19}", message = "must be a phone number") String phone) {
    }
}
