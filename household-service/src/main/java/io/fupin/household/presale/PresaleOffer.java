package io.fupin.household.presale;

import io.fupin.household.common.Aggregate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A household in a product's linkage offers its future output of the product for a delivery date (认购对接): open
 * until withdrawn. Whoever subscribes is counted against the household and product, not the offer, so that an
 * offer withdrawn and made again keeps its subscribers.
 */
@Table("presale_offer")
class PresaleOffer extends Aggregate<OfferId> {

    enum Status {
        OPEN, WITHDRAWN
    }

    private final UUID householdId;
    private final UUID productId;
    private final String description;
    private final LocalDate deliveryDate;
    private Status status;
    private final String offeredBy;
    private final Instant offeredAt;

    @PersistenceCreator
    PresaleOffer(OfferId id, UUID householdId, UUID productId, String description, LocalDate deliveryDate, Status status,
            String offeredBy, Instant offeredAt) {
        this(id, householdId, productId, description, deliveryDate, status, offeredBy, offeredAt, false);
    }

    private PresaleOffer(OfferId id, UUID householdId, UUID productId, String description, LocalDate deliveryDate,
            Status status, String offeredBy, Instant offeredAt, boolean isNew) {
        super(id, isNew);
        this.householdId = householdId;
        this.productId = productId;
        this.description = description;
        this.deliveryDate = deliveryDate;
        this.status = status;
        this.offeredBy = offeredBy;
        this.offeredAt = offeredAt;
    }

    /** An open offer; the caller checked that the household shares in the product's linkage in force. */
    static PresaleOffer make(UUID householdId, UUID productId, String description, LocalDate deliveryDate,
            String offeredBy, Instant now) {
        return new PresaleOffer(OfferId.next(), householdId, productId, description.strip(), deliveryDate,
                Status.OPEN, offeredBy, now, true);
    }

    void withdraw() {
        status = Status.WITHDRAWN;
    }

    OfferId id() {
        return getId();
    }

    UUID householdId() {
        return householdId;
    }

    UUID productId() {
        return productId;
    }

    String description() {
        return description;
    }

    LocalDate deliveryDate() {
        return deliveryDate;
    }

    Status status() {
        return status;
    }

    String offeredBy() {
        return offeredBy;
    }

    Instant offeredAt() {
        return offeredAt;
    }
}
