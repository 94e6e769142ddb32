package io.fupin.settlement.trace;

import io.fupin.settlement.ledger.AccountType;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a line's parts from the ledger: what its postings left on the households' accounts and in suspense. */
@Service
class LineTraces {

    private static final List<String> HOUSEHOLD_ACCOUNTS = Arrays.stream(AccountType.values())
            .filter(AccountType::isHouseholdSide).map(Enum::name).toList();

    private final JdbcClient jdbc;

    LineTraces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Optional<LineTrace> of(UUID orderId, UUID productId) {
        record Line(int quantity, int refunded, long price, long cost, Timestamp paidAt, Timestamp completedAt) {
        }
        Optional<Line> found = jdbc.sql("""
                SELECT quantity, refunded_quantity, unit_price_fen, unit_cost_fen, paid_at, completed_at
                FROM settled_line WHERE order_id = ? AND product_id = ?""")
                .params(orderId.toString(), productId.toString())
                .query((rs, n) -> new Line(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                        rs.getTimestamp(5), rs.getTimestamp(6)))
                .optional();
        return found.map(line -> {
            // Households' accounts are credited (negative): their parts are the negated sums, moved between
            // held, payable, in payout and paid out as the line completes and is paid, never changed in total.
            List<LineTrace.Share> shares = jdbc.sql("""
                    SELECT h.head_name, h.category, h.town_name, h.village_name, -SUM(j.amount_fen) AS part
                    FROM journal_line j LEFT JOIN household h ON h.household_id = j.party_id
                    WHERE j.order_id = :order AND j.product_id = :product AND j.account IN (:accounts)
                    GROUP BY j.party_id, h.head_name, h.category, h.town_name, h.village_name
                    HAVING part <> 0
                    ORDER BY part DESC, j.party_id""")
                    .param("order", orderId.toString()).param("product", productId.toString())
                    .param("accounts", HOUSEHOLD_ACCOUNTS)
                    .query((rs, n) -> new LineTrace.Share(mask(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5)))
                    .list();
            long suspense = -jdbc.sql("""
                    SELECT COALESCE(SUM(amount_fen), 0) FROM journal_line
                    WHERE order_id = ? AND product_id = ? AND account = 'SUSPENSE'""")
                    .params(orderId.toString(), productId.toString()).query(Long.class).single();
            Map<String, Long> byAccount = jdbc.sql("""
                    SELECT account, -SUM(amount_fen) FROM journal_line
                    WHERE order_id = :order AND product_id = :product AND account IN (:accounts) GROUP BY account""")
                    .param("order", orderId.toString()).param("product", productId.toString())
                    .param("accounts", HOUSEHOLD_ACCOUNTS)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            LineTrace.Stages stages = new LineTrace.Stages(
                    byAccount.getOrDefault(AccountType.HOUSEHOLD_HELD.name(), 0L),
                    byAccount.getOrDefault(AccountType.HOUSEHOLD_PAYABLE.name(), 0L),
                    byAccount.getOrDefault(AccountType.HOUSEHOLD_IN_PAYOUT.name(), 0L),
                    byAccount.getOrDefault(AccountType.HOUSEHOLD_PAID_OUT.name(), 0L));
            long units = line.quantity() - line.refunded();
            return new LineTrace(line.quantity(), line.refunded(), line.price(), line.cost(),
                    Math.multiplyExact(units, line.price()), Math.multiplyExact(units, line.cost()),
                    Math.multiplyExact(units, line.price() - line.cost()), suspense, line.paidAt().toInstant(),
                    line.completedAt() == null ? null : line.completedAt().toInstant(), stages, shares);
        });
    }

    /** 王秀兰 → 王**; a household settlement has not heard of yet shows as a single star. */
    static String mask(String name) {
        if (name == null || name.isEmpty()) {
            return "*";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }
}
