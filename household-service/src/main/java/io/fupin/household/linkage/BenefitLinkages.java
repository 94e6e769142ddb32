package io.fupin.household.linkage;

import io.fupin.household.audit.AuditLog;
import io.fupin.household.common.InvalidInput;
import io.fupin.household.common.InvalidInput.Violation;
import io.fupin.household.linkage.BenefitLinkage.LinkageShare;
import io.fupin.household.linkage.LinkageEvent.BenefitLinkageVersioned;
import io.fupin.household.linkage.LinkageEvent.Share;
import io.fupin.household.linkage.LinkageVersion.ShareView;
import io.fupin.household.registry.HouseholdId;
import io.fupin.household.registry.HouseholdStatus;
import io.fupin.household.registry.HouseholdSummary;
import io.fupin.household.product.KnownProducts;
import io.fupin.household.registry.Registry;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Declaring and reading benefit linkages. A version, once written, never changes: a new one may only
 * start now or later, after the latest, so the version settlement used for a past payment stays true.
 */
@Service
public class BenefitLinkages {

    private final Linkages linkages;
    private final Registry registry;
    private final KnownProducts products;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BenefitLinkages(Linkages linkages, Registry registry, KnownProducts products, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.linkages = linkages;
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
        BenefitLinkage linkage = linkages.findLockedByProductId(productId)
                .orElseGet(() -> BenefitLinkage.start(productId, sellerId, now));
        problems.addAll(linkage.refusesStart(effectiveFrom, now));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        linkage.passTo(sellerId);
        int version = linkage.declare(lot, effectiveFrom, shares, caller.userId(), now);
        try {
            linkage = linkages.save(linkage);
        } catch (DuplicateKeyException | DbActionExecutionException e) {
            if (e instanceof DbActionExecutionException && !(e.getCause() instanceof DuplicateKeyException)) {
                throw e;
            }
            // Another first declaration for this product committed in between.
            throw new ConcurrentDeclaration();
        }
        events.publishEvent(LinkageEvent.versioned(new BenefitLinkageVersioned(linkage.id().value(), productId, linkage.sellerId(),
                lot, version, effectiveFrom, shares.stream().map(s -> new Share(s.householdId(), s.shares())).toList()), now));
        audit.record(caller, "DECLARE_LINKAGE", "PRODUCT", productId, "version " + version + " with " + shares.size()
                + " households from " + effectiveFrom);
        return view(linkage, linkage.versions().getLast());
    }

    /** A page of the versions of a product's linkage, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK') or @owners.ofProduct(#productId)")
    public Page<LinkageVersion> history(UUID productId, PageRequest page) {
        Linkages.Heading linkage = linkages.findHeadingByProductId(productId)
                .orElseThrow(() -> LinkageNotFound.none(productId));
        List<BenefitLinkage.Version> versions = linkages.versionsOf(linkage.id(), page.size(), page.offset());
        Map<Integer, List<LinkageShare>> shares = versions.isEmpty() ? Map.of()
                : linkages.sharesOf(linkage.id(), versions.stream().map(BenefitLinkage.Version::version).toList())
                        .stream().collect(Collectors.groupingBy(LinkageShare::version));
        Map<UUID, HouseholdSummary> households = registry.summaries(shares.values().stream().flatMap(List::stream)
                .map(LinkageShare::householdId).collect(Collectors.toSet()));
        return Page.of(versions.stream().map(v -> view(linkage, v, shares.getOrDefault(v.version(), List.of()),
                households)).toList(), page, linkages.countVersionsOf(linkage.id()));
    }

    /** The version in force at {@code at}: the latest whose effectiveFrom is not after it. */
    @Transactional(readOnly = true)
    public Optional<LinkageVersion> inForceAt(UUID productId, Instant at) {
        return linkages.findByProductId(productId).flatMap(linkage -> linkage.inForceAt(at)
                .map(version -> view(linkage, version)));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK') or @owners.ofProduct(#productId)")
    public LinkageVersion inForce(UUID productId, Instant at) {
        linkages.findByProductId(productId).orElseThrow(() -> LinkageNotFound.none(productId));
        return inForceAt(productId, at == null ? clock.instant() : at)
                .orElseThrow(() -> LinkageNotFound.noVersionInForceThen(productId));
    }

    /** A page of the products a household shares in now, with its shares, by product. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK')")
    public Page<HouseholdShare> sharesOf(HouseholdId householdId, PageRequest page) {
        Instant now = clock.instant();
        return Page.of(linkages.sharesOf(householdId.value(), now, page.size(), page.offset()), page,
                linkages.countSharesOf(householdId.value(), now));
    }

    public record HouseholdShare(UUID productId, UUID sellerId, String lotName, int version, int shares,
            long totalShares) {
    }

    private LinkageVersion view(BenefitLinkage linkage, BenefitLinkage.Version version) {
        List<LinkageShare> shares = linkage.sharesOf(version);
        return view(new Linkages.Heading(linkage.id(), linkage.productId(), linkage.sellerId()), version, shares,
                registry.summaries(shares.stream().map(LinkageShare::householdId).toList()));
    }

    /** The version as answered: its shares by household, with their households' names. */
    private static LinkageVersion view(Linkages.Heading linkage, BenefitLinkage.Version version,
            List<LinkageShare> shares, Map<UUID, HouseholdSummary> households) {
        List<ShareView> views = shares.stream().sorted(Comparator.comparing(s -> s.householdId().toString())).map(s -> {
            HouseholdSummary h = households.get(s.householdId());
            return new ShareView(s.householdId(), h.registrationNumber(), h.headName(), h.village().villageName(),
                    s.shares());
        }).toList();
        return new LinkageVersion(linkage.id().value(), linkage.productId(), linkage.sellerId(), version.version(),
                version.lotName(), version.effectiveFrom(), version.declaredBy(), version.declaredAt(),
                shares.stream().mapToLong(LinkageShare::shares).sum(), views);
    }
}
