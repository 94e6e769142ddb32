package io.fupin.household.linkage;

import io.fupin.household.audit.AuditLog;
import io.fupin.household.common.InvalidInput;
import io.fupin.household.common.InvalidInput.Violation;
import io.fupin.household.linkage.LinkageEvent.BenefitLinkageVersioned;
import io.fupin.household.linkage.LinkageEvent.Share;
import io.fupin.household.linkage.LinkageVersion.ShareView;
import io.fupin.household.registry.HouseholdStatus;
import io.fupin.household.registry.HouseholdSummary;
import io.fupin.household.product.KnownProducts;
import io.fupin.household.registry.Registry;
import io.fupin.support.identity.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Declaring and reading benefit linkages. A version, once written, never changes: a new one may only
 * start now or later, after the latest, so the version settlement used for a past payment stays true.
 */
@Service
public class BenefitLinkages {

    private final JdbcClient jdbc;
    private final Registry registry;
    private final KnownProducts products;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BenefitLinkages(JdbcClient jdbc, Registry registry, KnownProducts products, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.products = products;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The most households one version may name: the version travels as one event, which must stay far below
     * Kafka's record limit (about 330 KB at this size; LinkageEventSizeTests).
     */
    static final int MAX_SHARES = 5_000;

    /** What a seller or official declares. */
    public record Declaration(UUID sellerId, String lotName, Instant effectiveFrom, List<Share> shares) {
    }

    /**
     * Only the product's own seller (as catalog-service announced it) or an official declares; until
     * household-service has heard of the product, nobody can, since nobody could be checked.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN') or @owners.ofProduct(#productId)")
    public LinkageVersion declare(Caller caller, UUID productId, Declaration declaration) {
        UUID sellerId = products.ownerOf(productId).orElseThrow(() -> new ProductNotKnown(productId));
        List<Violation> problems = new ArrayList<>();
        if (declaration.sellerId() != null && !declaration.sellerId().equals(sellerId)) {
            problems.add(new Violation("sellerId", "is not the product's seller; leave it out or name " + sellerId));
        }
        String lot = declaration.lotName() == null || declaration.lotName().isBlank() ? null : declaration.lotName().strip();
        if (lot != null && lot.length() > 100) {
            problems.add(new Violation("lotName", "must be at most 100 characters"));
        }
        List<Share> shares = declaration.shares() == null ? List.of() : declaration.shares();
        if (shares.size() > MAX_SHARES) {
            // Refused before looking up thousands of households one by one.
            throw new InvalidInput(List.of(new Violation("shares", "at most " + MAX_SHARES
                    + " households share in one version of a product's linkage; this names " + shares.size())));
        }
        if (shares.isEmpty()) {
            problems.add(new Violation("shares", "at least one household must share in the product"));
        }
        Map<UUID, HouseholdSummary> households = registry.summaries(shares.stream().map(Share::householdId)
                .filter(Objects::nonNull).toList());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < shares.size(); i++) {
            Share share = shares.get(i);
            String field = "shares[" + i + "]";
            if (share == null || share.householdId() == null) {
                problems.add(new Violation(field + ".householdId", "is required"));
                continue;
            }
            HouseholdSummary household = households.get(share.householdId());
            if (household == null) {
                problems.add(new Violation(field + ".householdId", "no such household"));
            } else if (household.status() == HouseholdStatus.DEREGISTERED) {
                problems.add(new Violation(field + ".householdId", "household has left the register"));
            }
            if (!seen.add(share.householdId())) {
                problems.add(new Violation(field + ".householdId", "household is listed twice"));
            }
            if (share.shares() < 1) {
                problems.add(new Violation(field + ".shares", "must be a positive whole number"));
            }
        }
        Instant now = clock.instant();
        Instant effectiveFrom = declaration.effectiveFrom() == null ? now : declaration.effectiveFrom();
        if (effectiveFrom.isBefore(now)) {
            problems.add(new Violation("effectiveFrom", "must not be in the past: payments already made keep the version then in force"));
        }
        Optional<Linkage> existing = linkage(productId, true).map(l -> ownedBy(l, sellerId));
        Optional<LinkageVersion> latest = existing.flatMap(l -> versions(l).stream().reduce((a, b) -> b));
        if (latest.isPresent() && !effectiveFrom.isAfter(latest.get().effectiveFrom())) {
            problems.add(new Violation("effectiveFrom", "must be after version " + latest.get().version()
                    + "'s effectiveFrom " + latest.get().effectiveFrom()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Linkage linkage;
        try {
            linkage = existing.orElseGet(() -> create(productId, sellerId, now));
        } catch (DuplicateKeyException e) {
            // Another first declaration for this product committed in between.
            throw new ConcurrentDeclaration();
        }
        int version = latest.map(v -> v.version() + 1).orElse(1);
        jdbc.sql("""
                INSERT INTO benefit_linkage_version (linkage_id, version, lot_name, effective_from, declared_by, declared_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(linkage.id().toString(), version, lot, Timestamp.from(effectiveFrom), caller.userId(),
                        Timestamp.from(now))
                .update();
        for (Share share : shares) {
            jdbc.sql("INSERT INTO benefit_linkage_share (linkage_id, version, household_id, shares) VALUES (?, ?, ?, ?)")
                    .params(linkage.id().toString(), version, share.householdId().toString(), share.shares()).update();
        }
        events.publishEvent(LinkageEvent.versioned(new BenefitLinkageVersioned(linkage.id(), productId, linkage.sellerId(),
                lot, version, effectiveFrom, shares.stream().map(s -> new Share(s.householdId(), s.shares())).toList()), now));
        audit.record(caller, "DECLARE_LINKAGE", "PRODUCT", productId, "version " + version + " with " + shares.size()
                + " households from " + effectiveFrom);
        return versions(linkage).getLast();
    }

    /** Every version of a product's linkage, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK') or @owners.ofProduct(#productId)")
    public List<LinkageVersion> history(UUID productId) {
        Linkage linkage = linkage(productId).orElseThrow(() -> LinkageNotFound.none(productId));
        return versions(linkage);
    }

    /** The version in force at {@code at}: the latest whose effectiveFrom is not after it. */
    @Transactional(readOnly = true)
    public Optional<LinkageVersion> inForceAt(UUID productId, Instant at) {
        return linkage(productId).flatMap(l -> versions(l).stream().filter(v -> !v.effectiveFrom().isAfter(at))
                .reduce((a, b) -> b));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK') or @owners.ofProduct(#productId)")
    public LinkageVersion inForce(UUID productId, Instant at) {
        linkage(productId).orElseThrow(() -> LinkageNotFound.none(productId));
        return inForceAt(productId, at == null ? clock.instant() : at)
                .orElseThrow(() -> LinkageNotFound.noVersionInForceThen(productId));
    }

    /** The products a household shares in now, with its shares. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK')")
    public List<HouseholdShare> sharesOf(UUID householdId) {
        // One query for every product: each linkage's version in force now (the latest whose effectiveFrom is not
        // after now), kept when it names the household.
        return jdbc.sql("""
                SELECT l.product_id, l.seller_id, v.lot_name, v.version, s.shares,
                  (SELECT SUM(t.shares) FROM benefit_linkage_share t WHERE t.linkage_id = v.linkage_id AND t.version = v.version)
                FROM benefit_linkage l
                JOIN benefit_linkage_version v ON v.linkage_id = l.id AND v.version = (SELECT MAX(x.version)
                  FROM benefit_linkage_version x WHERE x.linkage_id = l.id AND x.effective_from <= :now)
                JOIN benefit_linkage_share s ON s.linkage_id = v.linkage_id AND s.version = v.version
                  AND s.household_id = :household
                ORDER BY l.product_id""")
                .param("now", Timestamp.from(clock.instant())).param("household", householdId.toString())
                .query((rs, n) -> new HouseholdShare(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
                        rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getLong(6)))
                .list();
    }

    public record HouseholdShare(UUID productId, UUID sellerId, String lotName, int version, int shares,
            long totalShares) {
    }

    private record Linkage(UUID id, UUID productId, UUID sellerId) {
    }

    private Optional<Linkage> linkage(UUID productId) {
        return linkage(productId, false);
    }

    /** With {@code lock}, concurrent declarations for one product take turns. */
    private Optional<Linkage> linkage(UUID productId, boolean lock) {
        return jdbc.sql("SELECT id, product_id, seller_id FROM benefit_linkage WHERE product_id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(productId.toString())
                .query((rs, n) -> new Linkage(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
                        UUID.fromString(rs.getString(3)))).optional();
    }

    /**
     * A linkage recorded for another seller before products were known here (a hijack, or a mistake) passes to
     * the product's real seller with its next version; the versions already written stay as they were.
     */
    private Linkage ownedBy(Linkage linkage, UUID sellerId) {
        if (linkage.sellerId().equals(sellerId)) {
            return linkage;
        }
        jdbc.sql("UPDATE benefit_linkage SET seller_id = ? WHERE id = ?").params(sellerId.toString(),
                linkage.id().toString()).update();
        return new Linkage(linkage.id(), linkage.productId(), sellerId);
    }

    private Linkage create(UUID productId, UUID sellerId, Instant now) {
        Linkage linkage = new Linkage(UUID.randomUUID(), productId, sellerId);
        jdbc.sql("INSERT INTO benefit_linkage (id, product_id, seller_id, created_at) VALUES (?, ?, ?, ?)")
                .params(linkage.id().toString(), productId.toString(), sellerId.toString(), Timestamp.from(now)).update();
        return linkage;
    }

    private List<LinkageVersion> versions(Linkage linkage) {
        record Row(int version, String lotName, Instant effectiveFrom, String declaredBy, Instant declaredAt) {
        }
        record ShareRow(int version, UUID householdId, int shares) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT version, lot_name, effective_from, declared_by, declared_at FROM benefit_linkage_version
                WHERE linkage_id = ? ORDER BY version""").param(linkage.id().toString())
                .query((rs, n) -> new Row(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
        Map<Integer, List<ShareRow>> shares = jdbc.sql(
                "SELECT version, household_id, shares FROM benefit_linkage_share WHERE linkage_id = ? ORDER BY version, household_id")
                .param(linkage.id().toString())
                .query((rs, n) -> new ShareRow(rs.getInt(1), UUID.fromString(rs.getString(2)), rs.getInt(3))).list()
                .stream().collect(Collectors.groupingBy(ShareRow::version, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, HouseholdSummary> households = registry.summaries(shares.values().stream().flatMap(List::stream)
                .map(ShareRow::householdId).collect(Collectors.toSet()));
        return rows.stream().map(r -> {
            List<ShareView> views = shares.getOrDefault(r.version(), List.of()).stream().map(s -> {
                HouseholdSummary h = households.get(s.householdId());
                return new ShareView(s.householdId(), h.registrationNumber(), h.headName(), h.village().villageName(),
                        s.shares());
            }).toList();
            long total = views.stream().mapToLong(ShareView::shares).sum();
            return new LinkageVersion(linkage.id(), linkage.productId(), linkage.sellerId(), r.version(), r.lotName(),
                    r.effectiveFrom(), r.declaredBy(), r.declaredAt(), total, views);
        }).toList();
    }
}
