package io.fupin.settlement.allocation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Settlement's copy of the benefit linkages: immutable versions, looked up by product and time. */
@Repository
class Linkages {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    // Versions never change once recorded, so their shares can be kept in memory.
    private final Map<LinkageRef, List<Allocator.Share>> shares = new ConcurrentHashMap<>();

    Linkages(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** @return whether this version was new */
    boolean record(LinkageVersion version, Instant now) {
        int inserted = jdbc.sql("""
                INSERT IGNORE INTO linkage_version (linkage_id, version, product_id, seller_id, lot_name, effective_from, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(version.linkageId().toString(), version.version(), version.productId().toString(),
                        version.sellerId() == null ? null : version.sellerId().toString(), version.lotName(),
                        Timestamp.from(version.effectiveFrom()), Timestamp.from(now))
                .update();
        if (inserted == 0) {
            return false;
        }
        template.batchUpdate("INSERT INTO linkage_share (linkage_id, version, household_id, shares) VALUES (?, ?, ?, ?)",
                version.shares().stream().map(s -> new Object[] {version.linkageId().toString(), version.version(),
                        s.householdId().toString(), s.shares()}).toList());
        return true;
    }

    /** The version in force at {@code at}: the latest {@code effectiveFrom} not after it (ties: the higher version). */
    Optional<LinkageRef> inForce(UUID productId, Instant at) {
        return jdbc.sql("""
                SELECT linkage_id, version FROM linkage_version WHERE product_id = ? AND effective_from <= ?
                ORDER BY effective_from DESC, version DESC, linkage_id DESC LIMIT 1""")
                .params(productId.toString(), Timestamp.from(at))
                .query((rs, n) -> new LinkageRef(UUID.fromString(rs.getString(1)), rs.getInt(2))).optional();
    }

    /**
     * All versions of a product's linkages, latest first in the order {@link #inForce(UUID, Instant)} uses.
     * A locking read: a version being recorded concurrently is waited for rather than missed, so a payment
     * and a linkage arriving at the same moment cannot leave a line in suspense with its linkage on record.
     */
    List<Dated> versionsOf(UUID productId) {
        return jdbc.sql("""
                SELECT linkage_id, version, effective_from FROM linkage_version WHERE product_id = ?
                ORDER BY effective_from DESC, version DESC, linkage_id DESC LOCK IN SHARE MODE""")
                .param(productId.toString())
                .query((rs, n) -> new Dated(new LinkageRef(UUID.fromString(rs.getString(1)), rs.getInt(2)),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Picks from {@link #versionsOf(UUID)} the version in force at {@code at}, or {@code null}. */
    static LinkageRef inForce(List<Dated> latestFirst, Instant at) {
        for (Dated dated : latestFirst) {
            if (!dated.effectiveFrom().isAfter(at)) {
                return dated.ref();
            }
        }
        return null;
    }

    record Dated(LinkageRef ref, Instant effectiveFrom) {
    }

    List<Allocator.Share> sharesOf(LinkageRef ref) {
        return shares.computeIfAbsent(ref, r -> jdbc.sql("""
                SELECT household_id, shares FROM linkage_share WHERE linkage_id = ? AND version = ? ORDER BY household_id""")
                .params(r.linkageId().toString(), r.version())
                .query((rs, n) -> new Allocator.Share(UUID.fromString(rs.getString(1)), rs.getLong(2))).list());
    }

    /** The product a recorded version belongs to; empty when settlement has no such version. */
    Optional<UUID> productOf(LinkageRef ref) {
        return jdbc.sql("SELECT product_id FROM linkage_version WHERE linkage_id = ? AND version = ?")
                .params(ref.linkageId().toString(), ref.version()).query((rs, n) -> UUID.fromString(rs.getString(1)))
                .optional();
    }

    record LinkageRef(UUID linkageId, int version) {
    }
}
