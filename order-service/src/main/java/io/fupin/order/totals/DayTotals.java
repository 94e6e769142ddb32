package io.fupin.order.totals;

import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per order, the money order-service recorded as paid and as refunded on one day (Asia/Shanghai): an order
 * counts as paid on the day of its {@code paidAt} (its total), and as refunded on the day each accepted
 * refund was decided (the {@code refundedAt} of its {@code OrderRefunded}). Settlement compares these with
 * what its ledger received before it closes a period.
 */
@Service
public class DayTotals {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final String MOVEMENTS = """
            SELECT id AS order_id, total_fen AS paid_fen, 0 AS refunded_fen FROM orders
             WHERE paid_at >= :from AND paid_at < :to
            UNION ALL
            SELECT order_id, 0, total_fen FROM order_refund
             WHERE status = 'ACCEPTED' AND decided_at >= :from AND decided_at < :to""";

    private final JdbcClient jdbc;

    DayTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One order's money on the day, in fen. */
    public record OrderTotal(UUID orderId, long paidFen, long refundedFen) {
    }

    /** The orders with money paid or refunded on {@code day}, by order id. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SERVICE')")
    public Page<OrderTotal> of(LocalDate day, PageRequest page) {
        Timestamp from = Timestamp.from(day.atStartOfDay(CHINA).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(CHINA).toInstant());
        List<OrderTotal> totals = jdbc.sql("SELECT order_id, SUM(paid_fen) AS paid_fen, SUM(refunded_fen) AS refunded_fen"
                        + " FROM (" + MOVEMENTS + ") m GROUP BY order_id ORDER BY order_id LIMIT :size OFFSET :offset")
                .param("from", from).param("to", to).param("size", page.size()).param("offset", page.offset())
                .query((rs, n) -> new OrderTotal(UUID.fromString(rs.getString("order_id")), rs.getLong("paid_fen"),
                        rs.getLong("refunded_fen")))
                .list();
        long count = jdbc.sql("SELECT COUNT(DISTINCT order_id) FROM (" + MOVEMENTS + ") m")
                .param("from", from).param("to", to).query(Long.class).single();
        return Page.of(totals, page, count);
    }
}
