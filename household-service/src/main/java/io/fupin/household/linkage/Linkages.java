package io.fupin.household.linkage;

import java.time.Instant;
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
     * Each product's version in force at {@code at} (the latest whose effectiveFrom is not after it) that names
     * the household, with its shares and the version's total: one query for every product.
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
            ORDER BY l.product_id""")
    List<BenefitLinkages.HouseholdShare> sharesOf(UUID householdId, Instant at);
}
