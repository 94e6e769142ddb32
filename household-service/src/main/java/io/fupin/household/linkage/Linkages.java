package io.fupin.household.linkage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/** Benefit linkages with their versions, and the questions asked across them. */
interface Linkages extends ListCrudRepository<BenefitLinkage, LinkageId> {

    Optional<BenefitLinkage> findByProductId(UUID productId);

    /** Whose a product's linkage is, without its versions. */
    record Heading(LinkageId id, UUID productId, UUID sellerId) {
    }

    @Query("SELECT id, product_id, seller_id FROM benefit_linkage WHERE product_id = :productId")
    Optional<Heading> findHeadingByProductId(UUID productId);

    /** A page of a linkage's versions, oldest first. */
    @Query("""
            SELECT version, lot_name, effective_from, declared_by, declared_at FROM benefit_linkage_version
            WHERE linkage_id = :linkageId ORDER BY version LIMIT :limit OFFSET :offset""")
    List<BenefitLinkage.Version> versionsOf(LinkageId linkageId, int limit, long offset);

    @Query("SELECT COUNT(*) FROM benefit_linkage_version WHERE linkage_id = :linkageId")
    long countVersionsOf(LinkageId linkageId);

    /** The households' shares in these versions (not none) of a linkage. */
    @Query("""
            SELECT version, household_id, shares FROM benefit_linkage_share
            WHERE linkage_id = :linkageId AND version IN (:versions)""")
    List<BenefitLinkage.LinkageShare> sharesOf(LinkageId linkageId, Collection<Integer> versions);

    /** The product's linkage, locked until the transaction ends: declarations for one product take turns. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<BenefitLinkage> findLockedByProductId(UUID productId);

    /** The households in any version of a linkage of the seller's products. */
    @Query("""
            SELECT DISTINCT s.household_id FROM benefit_linkage l
            JOIN benefit_linkage_share s ON s.linkage_id = l.id WHERE l.seller_id = :sellerId""")
    List<UUID> householdsLinkedTo(UUID sellerId);

    @Query("""
            SELECT COUNT(*) > 0 FROM benefit_linkage l JOIN benefit_linkage_share s ON s.linkage_id = l.id
            WHERE l.seller_id = :sellerId AND s.household_id = :householdId""")
    boolean isLinked(UUID sellerId, UUID householdId);

    /**
     * A page of each product's version in force at {@code at} (the latest whose effectiveFrom is not after it) that
     * names the household, with its shares and the version's total, by product: one query for every product.
     */
    @Query("""
            SELECT l.product_id, l.seller_id, v.lot_name, v.version, s.shares,
              (SELECT SUM(t.shares) FROM benefit_linkage_share t
               WHERE t.linkage_id = v.linkage_id AND t.version = v.version) AS total_shares
            FROM benefit_linkage l
            JOIN benefit_linkage_version v ON v.linkage_id = l.id AND v.version = (SELECT MAX(x.version)
              FROM benefit_linkage_version x WHERE x.linkage_id = l.id AND x.effective_from <= :at)
            JOIN benefit_linkage_share s ON s.linkage_id = v.linkage_id AND s.version = v.version
              AND s.household_id = :householdId
            ORDER BY l.product_id LIMIT :limit OFFSET :offset""")
    List<BenefitLinkages.HouseholdShare> sharesOf(UUID householdId, Instant at, int limit, long offset);

    @Query("""
            SELECT COUNT(*) FROM benefit_linkage l
            JOIN benefit_linkage_share s ON s.linkage_id = l.id AND s.household_id = :householdId
              AND s.version = (SELECT MAX(x.version) FROM benefit_linkage_version x
                WHERE x.linkage_id = l.id AND x.effective_from <= :at)""")
    long countSharesOf(UUID householdId, Instant at);
}
