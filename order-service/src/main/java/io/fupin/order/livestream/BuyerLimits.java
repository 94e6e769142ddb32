package io.fupin.order.livestream;

import io.fupin.order.stock.ProductId;
import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many units of a product one buyer may hold in livestream orders. Taking is a conditional update of
 * the buyer's counter (never past the limit, whatever the concurrency) and is recorded per order, so that
 * an order resumed after a crash does not take twice and a cancelled order gives back exactly what it took.
 */
@Component
public class BuyerLimits {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int defaultLimit;

    BuyerLimits(JdbcClient jdbc, Clock clock, @Value("${fupin.livestream.max-units-per-buyer:5}") int defaultLimit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaultLimit = defaultLimit;
    }

    /**
     * What the buyer may take of each product of an order, read before its stock is reserved: one query a product
     * (the limits in force and the units the buyer holds), no transaction, nothing written. The limit belongs to the
     * product and the show, never to the channel an order names (a bot would just name another): a product's own
     * limit applies in every channel, and so does the limit of a show selling it right now; an order that calls
     * itself a livestream order is limited by the default too. The strictest of these applies.
     *
     * @throws LimitExceeded when a line would take the buyer past the product's limit as things stand; the order
     *         is refused before it reserves any stock
     */
    public Allowance allowance(String buyerId, boolean livestream, Map<ProductId, Integer> unitsByProduct) {
        List<Allowance.Line> lines = new ArrayList<>();
        for (Map.Entry<ProductId, Integer> line : unitsByProduct.entrySet()) {
            Standing standing = standing(line.getKey(), buyerId, livestream);
            if (standing.limit().isEmpty()) {
                continue;
            }
            int limit = standing.limit().get();
            if (line.getValue() + standing.held().orElse(0) > limit) {
                throw new LimitExceeded(line.getKey(), limit);
            }
            lines.add(new Allowance.Line(line.getKey(), line.getValue(), limit, standing.held().isPresent()));
        }
        return new Allowance(buyerId, List.copyOf(lines));
    }

    /**
     * Takes an order's allowance in the transaction that stores the order, all or nothing; idempotent by order id.
     * The conditional update of the buyer's counter holds the limit whatever the concurrency: an order of the same
     * buyer that took units since {@link #allowance} was read makes this one fail.
     *
     * @throws LimitExceeded when a line would now take the buyer past the product's limit (the transaction rolls back)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void take(UUID orderId, Allowance allowance) {
        for (Allowance.Line line : allowance.lines()) {
            String product = line.productId().value().toString();
            try {
                jdbc.sql("INSERT INTO livestream_allowance (order_id, product_id, buyer_id, quantity) VALUES (?, ?, ?, ?)")
                        .params(orderId.toString(), product, allowance.buyerId(), line.units()).update();
            } catch (DuplicateKeyException alreadyTaken) {
                continue;
            }
            // A buyer's counter row, once there, is never deleted (giving back only lowers it). Not INSERT IGNORE: on
            // a row another order of the buyer holds, it takes a shared lock that the update below then has to
            // upgrade, and two such orders deadlock; ON DUPLICATE KEY UPDATE takes the exclusive lock at once.
            if (!line.counted()) {
                jdbc.sql("INSERT INTO livestream_purchase (product_id, buyer_id, units) VALUES (?, ?, 0) ON DUPLICATE KEY UPDATE units = units")
                        .params(product, allowance.buyerId()).update();
            }
            // The condition sits in the WHERE clause so that the row count says whether the units were taken.
            int changed = jdbc.sql("UPDATE livestream_purchase SET units = units + ? WHERE product_id = ? AND buyer_id = ? AND units + ? <= ?")
                    .params(line.units(), product, allowance.buyerId(), line.units(), line.limit()).update();
            if (changed == 0) {
                throw new LimitExceeded(line.productId(), line.limit());
            }
        }
    }

    /**
     * An order's limited lines, each with the limit in force when it was read.
     *
     * @param lines empty when nothing of the order is limited
     */
    public record Allowance(String buyerId, List<Line> lines) {

        /** @param counted the buyer already had a counter for the product when the allowance was read */
        record Line(ProductId productId, int units, int limit, boolean counted) {
        }
    }

    /** Gives back what an order took (it was refused, cancelled or expired); idempotent. */
    @Transactional
    public void giveBack(UUID orderId) {
        List<Taken> taken = jdbc.sql("SELECT product_id, buyer_id, quantity FROM livestream_allowance WHERE order_id = ? FOR UPDATE")
                .param(orderId.toString())
                .query((rs, n) -> new Taken(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
        for (Taken t : taken) {
            jdbc.sql("UPDATE livestream_purchase SET units = GREATEST(units - ?, 0) WHERE product_id = ? AND buyer_id = ?")
                    .params(t.quantity(), t.productId(), t.buyerId()).update();
        }
        jdbc.sql("DELETE FROM livestream_allowance WHERE order_id = ?").param(orderId.toString()).update();
    }

    /** The limit in force for a product in a livestream order now. */
    public int limitOf(ProductId productId) {
        return standing(productId, null, true).limit().orElse(defaultLimit);
    }

    /**
     * In one query: the strictest of the product's own limit, a running show's and, in a livestream order, the
     * default; and the units the buyer holds in the product's counter, if it has one.
     */
    private Standing standing(ProductId productId, String buyerId, boolean livestreamOrder) {
        Timestamp now = Timestamp.from(clock.instant());
        String product = productId.value().toString();
        return jdbc.sql("""
                        SELECT (SELECT max_units_per_buyer FROM livestream_limit WHERE product_id = ?),
                               (SELECT MIN(COALESCE(s.max_units_per_buyer, ?)) FROM livestream_show s
                                JOIN livestream_show_product p ON p.show_id = s.id
                                WHERE p.product_id = ? AND s.starts_at <= ? AND s.ends_at > ?),
                               (SELECT units FROM livestream_purchase WHERE product_id = ? AND buyer_id = ?)""")
                .params(product, defaultLimit, product, now, now, product, buyerId)
                .query((rs, n) -> new Standing(
                        Stream.of(rs.getObject(1, Integer.class), rs.getObject(2, Integer.class),
                                        livestreamOrder ? defaultLimit : null)
                                .filter(Objects::nonNull).min(Integer::compare),
                        Optional.ofNullable(rs.getObject(3, Integer.class))))
                .single();
    }

    private record Standing(Optional<Integer> limit, Optional<Integer> held) {
    }

    /** A show announced: while it runs, its products are limited per buyer whatever channel an order names. */
    public record Show(UUID id, String title, List<ProductId> productIds, Instant startsAt, Instant endsAt,
            int maxUnitsPerBuyer) {
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Show announceShow(String title, List<ProductId> productIds, Instant startsAt, Instant endsAt,
            Integer maxUnitsPerBuyer) {
        UUID id = UUID.randomUUID();
        List<ProductId> products = productIds.stream().distinct().toList();
        jdbc.sql("INSERT INTO livestream_show (id, title, starts_at, ends_at, max_units_per_buyer, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id.toString(), title, Timestamp.from(startsAt), Timestamp.from(endsAt), maxUnitsPerBuyer,
                        Timestamp.from(clock.instant())).update();
        for (ProductId product : products) {
            jdbc.sql("INSERT INTO livestream_show_product (show_id, product_id) VALUES (?, ?)")
                    .params(id.toString(), product.value().toString()).update();
        }
        return new Show(id, title, products, startsAt, endsAt, maxUnitsPerBuyer == null ? defaultLimit : maxUnitsPerBuyer);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setLimit(ProductId productId, int maxUnitsPerBuyer) {
        jdbc.sql("""
                        INSERT INTO livestream_limit (product_id, max_units_per_buyer, updated_at) VALUES (?, ?, ?)
                        ON DUPLICATE KEY UPDATE max_units_per_buyer = VALUES(max_units_per_buyer), updated_at = VALUES(updated_at)""")
                .params(productId.value().toString(), maxUnitsPerBuyer, Timestamp.from(clock.instant())).update();
    }

    private record Taken(String productId, String buyerId, int quantity) {
    }

    /** The buyer would hold more units of a limited product than allowed: 409 {@code livestream-limit}. */
    public static class LimitExceeded extends Refusal {
        public LimitExceeded(ProductId productId, int limit) {
            super(ProblemType.LIVESTREAM_LIMIT, "At most " + limit + " units of product " + productId.value() + " per buyer while it is sold in a livestream.");
        }
    }
}
