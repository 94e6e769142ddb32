package io.fupin.catalog.seller;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A cooperative, enterprise or village collective registered by an official. */
@Table("seller")
class Seller {

    @Id
    private final SellerId id;
    private final String name;
    private final SellerKind kind;
    private final String creditCode;
    private final String contactName;
    private final String contactPhone;
    private final String town;
    private final String village;
    private final Instant registeredAt;
    @Version
    private Long version;

    Seller(SellerId id, String name, SellerKind kind, String creditCode, String contactName, String contactPhone,
            String town, String village, Instant registeredAt, Long version) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.creditCode = creditCode;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
        this.town = town;
        this.village = village;
        this.registeredAt = registeredAt;
        this.version = version;
    }

    static Seller register(String name, SellerKind kind, String creditCode, String contactName, String contactPhone,
            String town, String village, Instant now) {
        return new Seller(idFor(creditCode), name, kind, creditCode, contactName, contactPhone, town, village, now, null);
    }

    /** Derived from the credit code (docs/events.md "Seller ids"): demo users can be bound before registration. */
    static SellerId idFor(String creditCode) {
        return new SellerId(UUID.nameUUIDFromBytes(("seller:" + creditCode).getBytes(StandardCharsets.UTF_8)));
    }

    SellerView view(boolean withContact) {
        return new SellerView(id, name, kind, creditCode,
                withContact ? new SellerView.Contact(contactName, contactPhone) : null, town, village, registeredAt);
    }

    SellerId id() {
        return id;
    }
}
