package io.fupin.catalog.seller;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A seller as answered over HTTP; the contact is shown only to officials, admins and the seller itself. */
public record SellerView(SellerId id, String name, SellerKind kind, String creditCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) Contact contact, String town, String village, Instant registeredAt) {

    public record Contact(String name, String phone) {
    }
}
