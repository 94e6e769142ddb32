package io.fupin.settlement.allocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The paid lines, written in batches: a hot path (every paid line of every order). */
@Repository
class SettledLines {

    private static final String COLUMNS = """
            order_id, line_no, product_id, seller_id, quantity, refunded_quantity, unit_price_fen, unit_cost_fen,
            paid_at, completed_at, linkage_id, linkage_version""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SettledLines(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insertAll(List<SettledLine> lines) {
        template.batchUpdate("INSERT INTO settled_line (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                lines.stream().map(l -> new Object[] {l.orderId().toString(), l.lineNo(), l.productId().toString(),
                        l.sellerId().toString(), l.quantity(), l.refundedQuantity(), l.unitPriceFen(), l.unitCostFen(),
                        Timestamp.from(l.paidAt()), l.completedAt() == null ? null : Timestamp.from(l.completedAt()),
                        l.linkage() == null ? null : l.linkage().linkageId().toString(),
                        l.linkage() == null ? null : l.linkage().version()}).toList());
    }

    /** The order's lines, locked for this transaction so that concurrent events on one order queue up. */
    List<SettledLine> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM settled_line WHERE order_id = ? ORDER BY line_no FOR UPDATE")
                .param(orderId.toString()).query(SettledLines::map).list();
    }

    /** Which of these orders already have paid lines recorded. */
    java.util.Set<UUID> recordedOrders(List<UUID> orderIds) {
        java.util.Set<UUID> found = new java.util.HashSet<>();
        for (int from = 0; from < orderIds.size(); from += 1000) {
            found.addAll(jdbc.sql("SELECT DISTINCT order_id FROM settled_line WHERE order_id IN (:ids)")
                    .param("ids", orderIds.subList(from, Math.min(orderIds.size(), from + 1000)).stream()
                            .map(UUID::toString).toList())
                    .query((rs, n) -> UUID.fromString(rs.getString(1))).list());
        }
        return found;
    }

    /** Lines of a product paid at or after {@code from}: the ones a new linkage version may apply to. */
    List<SettledLine> ofProductPaidSince(UUID productId, Instant from) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM settled_line WHERE product_id = ? AND paid_at >= ? ORDER BY order_id, line_no FOR UPDATE")
                .params(productId.toString(), Timestamp.from(from)).query(SettledLines::map).list();
    }

    void refunded(SettledLine line, int refundedQuantity) {
        jdbc.sql("UPDATE settled_line SET refunded_quantity = ? WHERE order_id = ? AND line_no = ?")
                .params(refundedQuantity, line.orderId().toString(), line.lineNo()).update();
    }

    void completed(UUID orderId, Instant completedAt) {
        jdbc.sql("UPDATE settled_line SET completed_at = ? WHERE order_id = ? AND completed_at IS NULL")
                .params(Timestamp.from(completedAt), orderId.toString()).update();
    }

    void assigned(SettledLine line, Linkages.LinkageRef linkage) {
        jdbc.sql("UPDATE settled_line SET linkage_id = ?, linkage_version = ? WHERE order_id = ? AND line_no = ?")
                .params(linkage.linkageId().toString(), linkage.version(), line.orderId().toString(), line.lineNo())
                .update();
    }

    /** Lines whose net still sits in suspense, oldest first. */
    List<SettledLine> inSuspense() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM settled_line WHERE linkage_id IS NULL AND refunded_quantity < quantity ORDER BY paid_at, order_id, line_no")
                .query(SettledLines::map).list();
    }

    /** Per order, the gross of lines paid in [from, to): what receipts should show for the period. */
    List<OrderGross> grossPaidBetween(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT order_id, SUM(unit_price_fen * quantity) FROM settled_line WHERE paid_at >= ? AND paid_at < ?
                GROUP BY order_id ORDER BY order_id""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new OrderGross(UUID.fromString(rs.getString(1)), rs.getLong(2))).list();
    }

    record OrderGross(UUID orderId, long grossFen) {
    }

    private static SettledLine map(ResultSet rs, int n) throws SQLException {
        String linkage = rs.getString("linkage_id");
        Timestamp completed = rs.getTimestamp("completed_at");
        return new SettledLine(UUID.fromString(rs.getString("order_id")), rs.getInt("line_no"),
                UUID.fromString(rs.getString("product_id")), UUID.fromString(rs.getString("seller_id")),
                rs.getInt("quantity"), rs.getInt("refunded_quantity"), rs.getLong("unit_price_fen"),
                rs.getLong("unit_cost_fen"), rs.getTimestamp("paid_at").toInstant(),
                completed == null ? null : completed.toInstant(),
                linkage == null ? null : new Linkages.LinkageRef(UUID.fromString(linkage), rs.getInt("linkage_version")));
    }
}
