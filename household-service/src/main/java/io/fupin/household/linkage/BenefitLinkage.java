package io.fupin.household.linkage;

import io.fupin.household.common.Aggregate;
import io.fupin.household.common.InvalidInput;
import io.fupin.household.common.InvalidInput.Violation;
import io.fupin.household.linkage.LinkageEvent.Share;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A product's benefit linkage: which households share in its proceeds, as versions in time. A version, once
 * written, never changes: the next may only start now or later, after the latest, so that the version settlement
 * used for a past payment stays true. The product's seller owns it.
 */
@Table("benefit_linkage")
class BenefitLinkage extends Aggregate<LinkageId> {

    private final UUID productId;
    private UUID sellerId;
    private final Instant createdAt;
    /**
     * Every version's shares, beside the versions rather than inside them: Spring Data JDBC writes a nested
     * collection without the key of the version it belongs to.
     */
    @MappedCollection(idColumn = "linkage_id")
    private final Set<LinkageShare> shares;
    @MappedCollection(idColumn = "linkage_id")
    private final Set<Version> versions;

    @PersistenceCreator
    BenefitLinkage(LinkageId id, UUID productId, UUID sellerId, Instant createdAt, Set<Version> versions,
            Set<LinkageShare> shares) {
        this(id, productId, sellerId, createdAt, versions, shares, false);
    }

    private BenefitLinkage(LinkageId id, UUID productId, UUID sellerId, Instant createdAt, Set<Version> versions,
            Set<LinkageShare> shares, boolean isNew) {
        super(id, isNew);
        this.productId = productId;
        this.sellerId = sellerId;
        this.createdAt = createdAt;
        this.versions = new HashSet<>(versions == null ? Set.of() : versions);
        this.shares = new HashSet<>(shares == null ? Set.of() : shares);
    }

    /** A product's first linkage, without versions until its seller declares one. */
    static BenefitLinkage start(UUID productId, UUID sellerId, Instant now) {
        return new BenefitLinkage(LinkageId.next(), productId, sellerId, now, Set.of(), Set.of(), true);
    }

    /**
     * A linkage recorded for another seller before products were known here (a hijack, or a mistake) passes to
     * the product's real seller with its next version; the versions already written stay as they were.
     */
    void passTo(UUID productSeller) {
        sellerId = productSeller;
    }

    /** Why a version may not start at {@code effectiveFrom}: none when it may. */
    List<Violation> refusesStart(Instant effectiveFrom, Instant now) {
        List<Violation> problems = new ArrayList<>();
        if (effectiveFrom.isBefore(now)) {
            problems.add(new Violation("effectiveFrom",
                    "must not be in the past: payments already made keep the version then in force"));
        }
        latest().filter(latest -> !effectiveFrom.isAfter(latest.effectiveFrom()))
                .ifPresent(latest -> problems.add(new Violation("effectiveFrom", "must be after version "
                        + latest.version() + "'s effectiveFrom " + latest.effectiveFrom())));
        return problems;
    }

    /** Adds the next version and answers its number; the households and their shares are checked by the caller. */
    int declare(String lotName, Instant effectiveFrom, Collection<Share> declared, String declaredBy, Instant now) {
        List<Violation> problems = refusesStart(effectiveFrom, now);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (declared.isEmpty()) {
            throw InvalidInput.of("shares", "at least one household must share in the product");
        }
        int number = versions.size() + 1;
        versions.add(new Version(number, lotName, effectiveFrom, declaredBy, now));
        declared.forEach(share -> shares.add(new LinkageShare(number, share.householdId(), share.shares())));
        return number;
    }

    /** The version in force at {@code at}: the latest whose effectiveFrom is not after it. */
    Optional<Version> inForceAt(Instant at) {
        return versions().stream().filter(v -> !v.effectiveFrom().isAfter(at)).reduce((a, b) -> b);
    }

    /** Every version, oldest first. */
    List<Version> versions() {
        return versions.stream().sorted(Comparator.comparingInt(Version::version)).toList();
    }

    /** The households' shares in one version, by household. */
    List<LinkageShare> sharesOf(Version version) {
        return shares.stream().filter(s -> s.version() == version.version())
                .sorted(Comparator.comparing(s -> s.householdId().toString())).toList();
    }

    private Optional<Version> latest() {
        return versions.stream().max(Comparator.comparingInt(Version::version));
    }

    LinkageId id() {
        return getId();
    }

    UUID productId() {
        return productId;
    }

    UUID sellerId() {
        return sellerId;
    }

    /** One version, numbered from 1: its lot, when it takes effect and who declared it. */
    @Table("benefit_linkage_version")
    record Version(int version, String lotName, Instant effectiveFrom, String declaredBy, Instant declaredAt) {
    }

    /** A household's positive whole number of shares in one version. */
    @Table("benefit_linkage_share")
    record LinkageShare(int version, UUID householdId, int shares) {
    }
}
