package io.fupin.catalog.seller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a would-be seller submits: the same facts an official registers, plus references to its documents
 * (business licence, cooperative registration ...), one to ten, each a line of text such as a registry number or
 * where the scan is kept.
 */
public record ApplyAsSeller(
        @NotBlank @Size(max = 200) String name,
        @NotNull SellerKind kind,
        @NotNull @ValidCreditCode String creditCode,
        @NotNull @Valid RegisterSeller.Contact contact,
        @NotBlank @Size(max = 100) String town,
        @NotBlank @Size(max = 100) String village,
        @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 300)
                @Pattern(regexp = "[^\\r\\n]*", message = "must be one line") String> documents) {
}
