package io.fupin.household.agreement;

import io.fupin.household.agreement.PurchaseAgreements.NewAgreement;
import io.fupin.household.common.Aggregate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 三订: an enterprise agrees to buy a household's output at a price and standard, with the deliveries made
 * under it. Delivered value is what was recorded as taken in, valued at the agreed unit price.
 */
@Table("purchase_agreement")
class PurchaseAgreement extends Aggregate<AgreementId> {

    private final UUID householdId;
    private final String enterpriseName;
    private final UUID sellerId;
    private final UUID productId;
    private final String produce;
    private final String qualityStandard;
    private final String unit;
    private final long unitPriceFen;
    private final long agreedQuantity;
    private final LocalDate validFrom;
    private final LocalDate validUntil;
    private final String recordedBy;
    private final Instant recordedAt;
    @MappedCollection(idColumn = "agreement_id")
    private final Set<PurchaseDelivery> deliveries;

    @PersistenceCreator
    PurchaseAgreement(AgreementId id, UUID householdId, String enterpriseName, UUID sellerId, UUID productId, String produce,
            String qualityStandard, String unit, long unitPriceFen, long agreedQuantity, LocalDate validFrom,
            LocalDate validUntil, String recordedBy, Instant recordedAt, Set<PurchaseDelivery> deliveries) {
        this(id, householdId, enterpriseName, sellerId, productId, produce, qualityStandard, unit, unitPriceFen,
                agreedQuantity, validFrom, validUntil, recordedBy, recordedAt, deliveries, false);
    }

    private PurchaseAgreement(AgreementId id, UUID householdId, String enterpriseName, UUID sellerId, UUID productId,
            String produce, String qualityStandard, String unit, long unitPriceFen, long agreedQuantity,
            LocalDate validFrom, LocalDate validUntil, String recordedBy, Instant recordedAt,
            Set<PurchaseDelivery> deliveries, boolean isNew) {
        super(id, isNew);
        this.householdId = householdId;
        this.enterpriseName = enterpriseName;
        this.sellerId = sellerId;
        this.productId = productId;
        this.produce = produce;
        this.qualityStandard = qualityStandard;
        this.unit = unit;
        this.unitPriceFen = unitPriceFen;
        this.agreedQuantity = agreedQuantity;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.deliveries = new HashSet<>(deliveries == null ? Set.of() : deliveries);
    }

    /** A new agreement from a checked request; the agreed value must fit in a {@code long} of fen. */
    static PurchaseAgreement record(AgreementId id, NewAgreement a, String recordedBy, Instant now) {
        Math.multiplyExact(a.unitPriceFen(), a.agreedQuantity());
        return new PurchaseAgreement(id, a.householdId(), a.enterpriseName().strip(), a.sellerId(), a.productId(),
                a.produce().strip(), a.qualityStandard().strip(), a.unit().strip(), a.unitPriceFen(),
                a.agreedQuantity(), a.validFrom(), a.validUntil(), recordedBy, now, Set.of(), true);
    }

    /** Whether a delivery on {@code day} falls within the agreement's validity. */
    boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /** Records what the enterprise took in, valued at the agreed price. */
    PurchaseDelivery deliver(LocalDate deliveredOn, long quantity, String note, String recordedBy, Instant now) {
        PurchaseDelivery delivery = new PurchaseDelivery(UUID.randomUUID(), deliveredOn, quantity,
                Math.multiplyExact(quantity, unitPriceFen), note, recordedBy, now);
        deliveries.add(delivery);
        return delivery;
    }

    /** The deliveries in the order they were made. */
    List<PurchaseDelivery> deliveries() {
        return deliveries.stream().sorted(Comparator.comparing(PurchaseDelivery::deliveredOn)
                .thenComparing(PurchaseDelivery::recordedAt)).toList();
    }

    long agreedValueFen() {
        return Math.multiplyExact(unitPriceFen, agreedQuantity);
    }

    long deliveredQuantity() {
        return deliveries.stream().mapToLong(PurchaseDelivery::quantity).reduce(0, Math::addExact);
    }

    long deliveredValueFen() {
        return deliveries.stream().mapToLong(PurchaseDelivery::valueFen).reduce(0, Math::addExact);
    }

    long remainingQuantity() {
        return Math.max(0, agreedQuantity - deliveredQuantity());
    }

    BigDecimal deliveredPercent() {
        return BigDecimal.valueOf(deliveredQuantity()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(agreedQuantity), 1, RoundingMode.DOWN);
    }

    AgreementId id() {
        return getId();
    }

    UUID householdId() {
        return householdId;
    }

    String enterpriseName() {
        return enterpriseName;
    }

    UUID sellerId() {
        return sellerId;
    }

    UUID productId() {
        return productId;
    }

    String produce() {
        return produce;
    }

    String qualityStandard() {
        return qualityStandard;
    }

    String unit() {
        return unit;
    }

    long unitPriceFen() {
        return unitPriceFen;
    }

    long agreedQuantity() {
        return agreedQuantity;
    }

    LocalDate validFrom() {
        return validFrom;
    }

    LocalDate validUntil() {
        return validUntil;
    }
}
