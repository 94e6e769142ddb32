package io.fupin.household.agreement;

import org.springframework.security.access.prepost.PreAuthorize;
import io.fupin.household.audit.AuditLog;
import io.fupin.household.common.InvalidInput;
import io.fupin.household.common.InvalidInput.Violation;
import io.fupin.household.common.NotFound;
import io.fupin.household.registry.HouseholdSummary;
import io.fupin.household.registry.Registry;
import io.fupin.support.identity.Caller;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agreements and the deliveries made under them. Delivered value is what was recorded as taken in,
 * valued at the agreed unit price: the payouts a household gets through the platform are in the income
 * ledger, but they cannot be tied to one agreement (an agreement may be honoured off-platform).
 */
@Service
public class PurchaseAgreements {

    private final JdbcClient jdbc;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;

    PurchaseAgreements(JdbcClient jdbc, Registry registry, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewAgreement(UUID householdId, String enterpriseName, UUID sellerId, UUID productId, String produce,
            String qualityStandard, String unit, Long unitPriceFen, Long agreedQuantity, LocalDate validFrom,
            LocalDate validUntil) {
    }

    public record NewDelivery(LocalDate deliveredOn, Long quantity, String note) {
    }

    public record Delivery(UUID deliveryId, LocalDate deliveredOn, long quantity, long valueFen, String note,
            String recordedBy, Instant recordedAt) {
    }

    public record AgreementView(UUID agreementId, UUID householdId, String registrationNumber, String headName,
            String enterpriseName, UUID sellerId, UUID productId, String produce, String qualityStandard, String unit,
            long unitPriceFen, long agreedQuantity, long agreedValueFen, LocalDate validFrom, LocalDate validUntil,
            long deliveredQuantity, long deliveredValueFen, long remainingQuantity, BigDecimal deliveredPercent,
            List<Delivery> deliveries) {
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public AgreementView record(Caller caller, NewAgreement a) {
        List<Violation> problems = new ArrayList<>();
        Optional<HouseholdSummary> household = a.householdId() == null ? Optional.empty() : registry.summary(a.householdId());
        if (household.isEmpty()) {
            problems.add(new Violation("householdId", a.householdId() == null ? "is required" : "no such household"));
        }
        text(problems, "enterpriseName", a.enterpriseName(), 100);
        text(problems, "produce", a.produce(), 100);
        text(problems, "qualityStandard", a.qualityStandard(), 500);
        text(problems, "unit", a.unit(), 20);
        if (a.unitPriceFen() == null || a.unitPriceFen() < 1) {
            problems.add(new Violation("unitPriceFen", "must be a positive number of fen"));
        }
        if (a.agreedQuantity() == null || a.agreedQuantity() < 1) {
            problems.add(new Violation("agreedQuantity", "must be a positive whole number"));
        }
        if (a.validFrom() == null) {
            problems.add(new Violation("validFrom", "is required"));
        }
        if (a.validUntil() == null || (a.validFrom() != null && a.validUntil().isBefore(a.validFrom()))) {
            problems.add(new Violation("validUntil", "is required and must not be before validFrom"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Math.multiplyExact(a.unitPriceFen(), a.agreedQuantity());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO purchase_agreement (id, household_id, enterprise_name, seller_id, product_id, produce,
                  quality_standard, unit, unit_price_fen, agreed_quantity, valid_from, valid_until, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.toString(), a.householdId().toString(), a.enterpriseName().strip(),
                        a.sellerId() == null ? null : a.sellerId().toString(),
                        a.productId() == null ? null : a.productId().toString(), a.produce().strip(),
                        a.qualityStandard().strip(), a.unit().strip(), a.unitPriceFen(), a.agreedQuantity(),
                        Date.valueOf(a.validFrom()), Date.valueOf(a.validUntil()), caller.userId(),
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(caller, "RECORD_AGREEMENT", "HOUSEHOLD", a.householdId(), "agreement " + id + " with "
                + a.enterpriseName().strip());
        return view(caller, id);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN') or @owners.ofAgreement(#agreementId)")
    public AgreementView deliver(Caller caller, UUID agreementId, NewDelivery d) {
        Row agreement = row(agreementId);
        List<Violation> problems = new ArrayList<>();
        if (d.quantity() == null || d.quantity() < 1) {
            problems.add(new Violation("quantity", "must be a positive whole number"));
        }
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        if (d.deliveredOn() == null || d.deliveredOn().isAfter(today)) {
            problems.add(new Violation("deliveredOn", "is required and must not be in the future"));
        } else if (d.deliveredOn().isBefore(agreement.validFrom()) || d.deliveredOn().isAfter(agreement.validUntil())) {
            problems.add(new Violation("deliveredOn", "must fall within the agreement's validity"));
        }
        if (d.note() != null && d.note().length() > 500) {
            problems.add(new Violation("note", "must be at most 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long value = Math.multiplyExact(d.quantity(), agreement.unitPriceFen());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO purchase_delivery (id, agreement_id, delivered_on, quantity, value_fen, note, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.toString(), agreementId.toString(), Date.valueOf(d.deliveredOn()), d.quantity(), value,
                        d.note() == null ? "" : d.note().strip(), caller.userId(), Timestamp.from(clock.instant()))
                .update();
        audit.record(caller, "RECORD_DELIVERY", "PURCHASE_AGREEMENT", agreementId, d.quantity() + " delivered on "
                + d.deliveredOn());
        return view(caller, agreementId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK') or @owners.ofAgreement(#agreementId)")
    public AgreementView view(Caller caller, UUID agreementId) {
        Row a = row(agreementId);
        HouseholdSummary h = registry.summary(a.householdId()).orElseThrow();
        List<Delivery> deliveries = jdbc.sql("""
                SELECT id, delivered_on, quantity, value_fen, note, recorded_by, recorded_at FROM purchase_delivery
                WHERE agreement_id = ? ORDER BY delivered_on, recorded_at""").param(agreementId.toString())
                .query((rs, n) -> new Delivery(UUID.fromString(rs.getString(1)), rs.getDate(2).toLocalDate(),
                        rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
        long quantity = deliveries.stream().mapToLong(Delivery::quantity).reduce(0, Math::addExact);
        long value = deliveries.stream().mapToLong(Delivery::valueFen).reduce(0, Math::addExact);
        BigDecimal percent = BigDecimal.valueOf(quantity).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(a.agreedQuantity()), 1, RoundingMode.DOWN);
        return new AgreementView(a.id(), a.householdId(), h.registrationNumber(), h.headName(), a.enterpriseName(),
                a.sellerId(), a.productId(), a.produce(), a.qualityStandard(), a.unit(), a.unitPriceFen(),
                a.agreedQuantity(), Math.multiplyExact(a.unitPriceFen(), a.agreedQuantity()), a.validFrom(),
                a.validUntil(), quantity, value, Math.max(0, a.agreedQuantity() - quantity), percent, deliveries);
    }

    /** The seller of the buying enterprise, if the agreement exists and names one. */
    @Transactional(readOnly = true)
    public Optional<UUID> buyerOf(UUID agreementId) {
        return jdbc.sql("SELECT seller_id FROM purchase_agreement WHERE id = ? AND seller_id IS NOT NULL")
                .param(agreementId.toString()).query(String.class).optional().map(UUID::fromString);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK')")
    public List<AgreementView> ofHousehold(Caller caller, UUID householdId) {
        return jdbc.sql("SELECT id FROM purchase_agreement WHERE household_id = ? ORDER BY valid_from, recorded_at")
                .param(householdId.toString()).query(String.class).list().stream()
                .map(id -> view(caller, UUID.fromString(id))).toList();
    }

    private static void text(List<Violation> problems, String field, String value, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            problems.add(new Violation(field, "must be 1 to " + max + " characters"));
        }
    }

    private record Row(UUID id, UUID householdId, String enterpriseName, UUID sellerId, UUID productId, String produce,
            String qualityStandard, String unit, long unitPriceFen, long agreedQuantity, LocalDate validFrom,
            LocalDate validUntil) {
    }

    private Row row(UUID id) {
        return jdbc.sql("""
                SELECT id, household_id, enterprise_name, seller_id, product_id, produce, quality_standard, unit,
                  unit_price_fen, agreed_quantity, valid_from, valid_until FROM purchase_agreement WHERE id = ?""")
                .param(id.toString())
                .query((rs, n) -> new Row(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
                        rs.getString(3), rs.getString(4) == null ? null : UUID.fromString(rs.getString(4)),
                        rs.getString(5) == null ? null : UUID.fromString(rs.getString(5)), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10), rs.getDate(11).toLocalDate(),
                        rs.getDate(12).toLocalDate()))
                .optional().orElseThrow(() -> new NotFound("No purchase agreement " + id + "."));
    }
}
