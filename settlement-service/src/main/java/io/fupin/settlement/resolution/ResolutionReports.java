package io.fupin.settlement.resolution;

import io.fupin.settlement.ledger.AccountType;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The clerks' lists that read across settlement's tables (the ledger's lines, households, settled lines), each
 * paged in the database.
 */
@Repository
class ResolutionReports {

    private final JdbcClient jdbc;
    private final OwedWriteOffs writeOffs;

    ResolutionReports(JdbcClient jdbc, OwedWriteOffs writeOffs) {
        this.jdbc = jdbc;
        this.writeOffs = writeOffs;
    }

    private static final String OWING = """
            SELECT party_id, SUM(amount_fen) AS owed_fen FROM journal_line
            WHERE account = :payable GROUP BY party_id HAVING SUM(amount_fen) > 0""";

    /**
     * Households whose payable balance is below zero (a debit balance: they owe it back), most owed first, with
     * what is held for them and the write-off waiting for a second clerk.
     */
    Page<OwedDesk.OwedBalance> owed(PageRequest page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM (" + OWING + ") owing")
                .param("payable", AccountType.HOUSEHOLD_PAYABLE.name()).query(Long.class).single();
        List<OwedDesk.OwedBalance> rows = jdbc.sql("""
                SELECT o.party_id, h.registration_number, o.owed_fen,
                       (SELECT COALESCE(-SUM(held.amount_fen), 0) FROM journal_line held
                        WHERE held.account = :held AND held.party_id = o.party_id) AS held_fen
                FROM (%s) o LEFT JOIN household h ON h.household_id = o.party_id
                ORDER BY o.owed_fen DESC, o.party_id LIMIT :size OFFSET :offset""".formatted(OWING))
                .param("payable", AccountType.HOUSEHOLD_PAYABLE.name())
                .param("held", AccountType.HOUSEHOLD_HELD.name())
                .param("size", page.size()).param("offset", page.offset())
                .query((rs, n) -> new OwedDesk.OwedBalance(UUID.fromString(rs.getString(1)), rs.getString(2),
                        rs.getLong(3), rs.getLong(4), null))
                .list();
        Map<UUID, OwedDesk.WriteOff> pending = writeOffs.findByPendingHouseholdIn(
                        rows.stream().map(OwedDesk.OwedBalance::householdId).toList())
                .stream().collect(Collectors.toMap(OwedWriteOff::householdId, OwedWriteOff::view));
        return Page.of(rows, page, total).map(row -> new OwedDesk.OwedBalance(row.householdId(),
                row.registrationNumber(), row.owedFen(), row.heldFen(), pending.get(row.householdId())));
    }

    /** Every follow-up, newest first, with whether its line has left suspense since (allocated, or refunded in full). */
    Page<SuspenseDesk.FollowUp> followUps(PageRequest page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM suspense_follow_up").query(Long.class).single();
        List<SuspenseDesk.FollowUp> rows = jdbc.sql("""
                SELECT f.id, f.order_id, f.line_no, f.product_id, f.seller_id, f.note, f.asked_by, f.asked_at,
                       (l.linkage_id IS NOT NULL OR l.refunded_quantity = l.quantity) AS resolved
                FROM suspense_follow_up f JOIN settled_line l ON l.order_id = f.order_id AND l.line_no = f.line_no
                ORDER BY f.asked_at DESC, f.id LIMIT :size OFFSET :offset""")
                .param("size", page.size()).param("offset", page.offset())
                .query((rs, n) -> new SuspenseDesk.FollowUp(UUID.fromString(rs.getString(1)),
                        UUID.fromString(rs.getString(2)), rs.getInt(3), UUID.fromString(rs.getString(4)),
                        UUID.fromString(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant(), rs.getBoolean(9)))
                .list();
        return Page.of(rows, page, total);
    }
}
