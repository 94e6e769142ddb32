package io.fupin.settlement.sales;

import io.fupin.settlement.ledger.AccountType;
import io.fupin.settlement.payout.InvalidPeriod;
import io.fupin.support.identity.Caller;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a seller's lines paid in a range of days brought in and where that money stands now, per product, read
 * from the ledger so that it reconciles to the fen: {@code soldFen − refundedFen = costFen + netFen} and
 * {@code netFen = heldFen + payableFen + inPayoutFen + paidOutFen + suspenseFen}.
 *
 * <p>A payout batch pays a household's whole balance, not lines: the part of a line a household was owed counts
 * as in payout or paid out when that household's line of a batch names the line's order (pending, or paid by the
 * bank); a line the bank returned counts as payable again.
 */
@Service
public class SellerSales {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** One product's figures, or (with {@code productId} null) the sum of them all. */
    public record Figures(UUID productId, long orders, long unitsSold, long unitsRefunded, long soldFen,
            long refundedFen, long costFen, long netFen, long heldFen, long payableFen, long inPayoutFen,
            long paidOutFen, long suspenseFen) {
    }

    public record Report(UUID sellerId, LocalDate from, LocalDate to, List<Figures> products, Figures total) {
    }

    private final JdbcClient jdbc;

    SellerSales(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SELLER') and #caller.sellerId() != null")
    public Report of(Caller caller, LocalDate from, LocalDate to) {
        InvalidPeriod.check(from, to);
        String seller = caller.sellerId().toString();
        Timestamp start = Timestamp.from(from.atStartOfDay(SHANGHAI).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(SHANGHAI).toInstant());
        Map<String, long[]> byProduct = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT product_id, COUNT(DISTINCT order_id), SUM(quantity), SUM(refunded_quantity)
                FROM settled_line WHERE seller_id = ? AND paid_at >= ? AND paid_at < ?
                GROUP BY product_id ORDER BY product_id""")
                .params(seller, start, end)
                .query((rs, n) -> {
                    long[] f = figures(byProduct, rs.getString(1));
                    f[0] = rs.getLong(2);
                    f[1] = rs.getLong(3);
                    f[2] = rs.getLong(4);
                    return null;
                }).list();
        // Liabilities carry negative balances; turned round, money owed reads positive.
        jdbc.sql("""
                SELECT j.product_id, j.account, SUM(j.amount_fen)
                FROM settled_line s JOIN journal_line j ON j.order_id = s.order_id AND j.product_id = s.product_id
                WHERE s.seller_id = ? AND s.paid_at >= ? AND s.paid_at < ?
                  AND j.account IN ('RECEIPTS_CLEARING', 'REFUNDS', 'SELLER_COST_PAYABLE', 'SUSPENSE', 'HOUSEHOLD_HELD')
                GROUP BY j.product_id, j.account""")
                .params(seller, start, end)
                .query((rs, n) -> {
                    long[] f = figures(byProduct, rs.getString(1));
                    long amount = rs.getLong(3);
                    switch (AccountType.valueOf(rs.getString(2))) {
                        case RECEIPTS_CLEARING -> f[3] = Math.addExact(f[3], amount);
                        case REFUNDS -> f[4] = Math.subtractExact(f[4], amount);
                        case SELLER_COST_PAYABLE -> f[5] = Math.subtractExact(f[5], amount);
                        case SUSPENSE -> f[11] = Math.subtractExact(f[11], amount);
                        case HOUSEHOLD_HELD -> f[7] = Math.subtractExact(f[7], amount);
                        default -> throw new IllegalStateException("unexpected account " + rs.getString(2));
                    }
                    return null;
                }).list();
        // Each household's completed part of each line, staged by the latest batch line naming its order.
        jdbc.sql("""
                SELECT p.product_id, p.part,
                       (SELECT pl.status FROM payout_line pl JOIN payout_batch b ON b.id = pl.batch_id
                        WHERE pl.household_id = p.party_id AND FIND_IN_SET(p.order_id, pl.order_ids) > 0
                        ORDER BY b.closed_at DESC LIMIT 1) AS stage
                FROM (SELECT j.order_id, j.product_id, j.party_id, -SUM(j.amount_fen) AS part
                      FROM settled_line s JOIN journal_line j ON j.order_id = s.order_id AND j.product_id = s.product_id
                      WHERE s.seller_id = ? AND s.paid_at >= ? AND s.paid_at < ? AND j.account = 'HOUSEHOLD_PAYABLE'
                      GROUP BY j.order_id, j.product_id, j.party_id) p
                WHERE p.part <> 0""")
                .params(seller, start, end)
                .query((rs, n) -> {
                    long[] f = figures(byProduct, rs.getString(1));
                    int slot = switch (rs.getString(3) == null ? "" : rs.getString(3)) {
                        case "PENDING" -> 9;
                        case "PAID" -> 10;
                        default -> 8;
                    };
                    f[slot] = Math.addExact(f[slot], rs.getLong(2));
                    return null;
                }).list();
        List<Figures> products = new ArrayList<>();
        long[] total = new long[12];
        byProduct.forEach((product, f) -> {
            f[6] = f[3] - f[4] - f[5];
            products.add(figuresOf(UUID.fromString(product), f));
            for (int i = 0; i < total.length; i++) {
                total[i] = Math.addExact(total[i], f[i]);
            }
        });
        return new Report(caller.sellerId(), from, to, products, figuresOf(null, total));
    }

    /** orders, units sold, units refunded, sold, refunded, cost, net, held, payable, in payout, paid out, suspense. */
    private static long[] figures(Map<String, long[]> byProduct, String product) {
        return byProduct.computeIfAbsent(product, p -> new long[12]);
    }

    private static Figures figuresOf(UUID product, long[] f) {
        return new Figures(product, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11]);
    }
}
