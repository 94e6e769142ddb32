package io.fupin.household.agreement;

import io.fupin.household.audit.AuditLog;
import io.fupin.household.common.InvalidInput;
import io.fupin.household.common.InvalidInput.Violation;
import io.fupin.household.registry.HouseholdId;
import io.fupin.household.registry.HouseholdSummary;
import io.fupin.household.registry.Registry;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agreements and the deliveries made under them. Delivered value is what was recorded as taken in,
 * valued at the agreed unit price: the payouts a household gets through the platform are in the income
 * ledger, but they cannot be tied to one agreement (an agreement may be honoured off-platform).
 */
@Service
public class PurchaseAgreements {

    private static final Sort IN_AGREEMENT_ORDER = Sort.by("validFrom", "recordedAt");

    private final Agreements agreements;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;

    PurchaseAgreements(Agreements agreements, Registry registry, AuditLog audit, Clock clock) {
        this.agreements = agreements;
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
        Optional<HouseholdSummary> household = a.householdId() == null ? Optional.empty() : registry.summary(new HouseholdId(a.householdId()));
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
        PurchaseAgreement agreement = agreements.save(PurchaseAgreement.record(AgreementId.next(), a, caller.userId(),
                clock.instant()));
        audit.record(caller, "RECORD_AGREEMENT", "HOUSEHOLD", a.householdId(), "agreement " + agreement.id().value() + " with "
                + agreement.enterpriseName());
        return view(agreement, household.get());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN') or @owners.ofAgreement(#agreementId)")
    public AgreementView deliver(Caller caller, AgreementId agreementId, NewDelivery d) {
        PurchaseAgreement agreement = agreements.findLockedById(agreementId).orElseThrow(() -> notFound(agreementId));
        List<Violation> problems = new ArrayList<>();
        if (d.quantity() == null || d.quantity() < 1) {
            problems.add(new Violation("quantity", "must be a positive whole number"));
        }
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        if (d.deliveredOn() == null || d.deliveredOn().isAfter(today)) {
            problems.add(new Violation("deliveredOn", "is required and must not be in the future"));
        } else if (!agreement.covers(d.deliveredOn())) {
            problems.add(new Violation("deliveredOn", "must fall within the agreement's validity"));
        }
        if (d.note() != null && d.note().length() > 500) {
            problems.add(new Violation("note", "must be at most 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        agreement.deliver(d.deliveredOn(), d.quantity(), d.note() == null ? "" : d.note().strip(), caller.userId(),
                clock.instant());
        agreements.save(agreement);
        audit.record(caller, "RECORD_DELIVERY", "PURCHASE_AGREEMENT", agreementId.value(), d.quantity() + " delivered on "
                + d.deliveredOn());
        // Read back, so the answer shows the times as stored, as every later read does.
        return view(caller, agreementId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK') or @owners.ofAgreement(#agreementId)")
    public AgreementView view(Caller caller, AgreementId agreementId) {
        PurchaseAgreement agreement = agreements.findById(agreementId).orElseThrow(() -> notFound(agreementId));
        return view(agreement, registry.summary(new HouseholdId(agreement.householdId())).orElseThrow());
    }

    /** The seller of the buying enterprise, if the agreement exists and names one. */
    @Transactional(readOnly = true)
    public Optional<UUID> buyerOf(AgreementId agreementId) {
        return agreements.findById(agreementId).map(PurchaseAgreement::sellerId);
    }

    /** One page of a household's agreements, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK')")
    public Page<AgreementView> ofHousehold(Caller caller, HouseholdId householdId, PageRequest page) {
        long total = agreements.countByHouseholdId(householdId.value());
        if (total == 0) {
            return Page.of(List.of(), page, 0);
        }
        HouseholdSummary household = registry.summary(householdId).orElseThrow();
        List<AgreementView> items = agreements.findByHouseholdId(householdId.value(),
                        org.springframework.data.domain.PageRequest.of(page.page(), page.size(), IN_AGREEMENT_ORDER))
                .stream().map(a -> view(a, household)).toList();
        return Page.of(items, page, total);
    }

    private static void text(List<Violation> problems, String field, String value, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            problems.add(new Violation(field, "must be 1 to " + max + " characters"));
        }
    }

    private static AgreementNotFound notFound(AgreementId agreementId) {
        return new AgreementNotFound(agreementId);
    }

    private static AgreementView view(PurchaseAgreement a, HouseholdSummary h) {
        List<Delivery> deliveries = a.deliveries().stream().map(d -> new Delivery(d.id(), d.deliveredOn(), d.quantity(),
                d.valueFen(), d.note(), d.recordedBy(), d.recordedAt())).toList();
        return new AgreementView(a.id().value(), a.householdId(), h.registrationNumber(), h.headName(), a.enterpriseName(),
                a.sellerId(), a.productId(), a.produce(), a.qualityStandard(), a.unit(), a.unitPriceFen(),
                a.agreedQuantity(), a.agreedValueFen(), a.validFrom(), a.validUntil(), a.deliveredQuantity(),
                a.deliveredValueFen(), a.remainingQuantity(), a.deliveredPercent(), deliveries);
    }
}
