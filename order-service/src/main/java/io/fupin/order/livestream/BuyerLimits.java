package io.fupin.order.livestream;

import io.fupin.order.stock.ProductId;
import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
     * Takes the order's units from each buyer's allowance, all or nothing; idempotent by order id. The limit
     * belongs to the product and the show, never to the channel an order names (a bot would just name another):
     * a product's own limit applies in every channel, and so does the limit of a show selling it right now; an
     * order that calls itself a livestream order is limited by the default too. The strictest of these applies.
     *
     * @return whether anything is limited for this order (and so must be given back if it fails)
     * @throws LimitExceeded when a line would take the buyer past the product's limit
     */
    @Transactional
    public boolean take(UUID orderId, String buyerId, boolean livestream, Map<ProductId, Integer> unitsByProduct) {
        boolean limited = false;
        for (Map.Entry<ProductId, Integer> line : unitsByProduct.entrySet()) {
            ProductId product = line.getKey();
            int units = line.getValue();
            Optional<Integer> inForce = limitInForce(product, livestream);
            if (inForce.isEmpty()) {
                continue;
            }
            int limit = inForce.get();
            limited = true;
            try {
                jdbc.sql("INSERT INTO livestream_allowance (order_id, product_id, buyer_id, quantity) VALUES (?, ?, ?, ?)")
                        .params(orderId.toString(), product.value().toString(), buyerId, units).update();
            } catch (DuplicateKeyException alreadyTaken) {
                continue;
            }
            if (units > limit) {
                throw new LimitExceeded(product, limit);
            }
            jdbc.sql("INSERT IGNORE INTO livestream_purchase (product_id, buyer_id, units) VALUES (?, ?, 0)")
                    .params(product.value().toString(), buyerId).update();
            // The condition sits in the WHERE clause so that the row count says whether the units were taken.
            int changed = jdbc.sql("UPDATE livestream_purchase SET units = units + ? WHERE product_id = ? AND buyer_id = ? AND units + ? <= ?")
                    .params(units, product.value().toString(), buyerId, units, limit).update();
            if (changed == 0) {
                throw new LimitExceeded(product, limit);
            }
        }
        return limited;
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
        return limitInForce(productId, true).orElse(defaultLimit);
    }

    /** The strictest of the product's own limit, a running show's and, in a livestream order, the default. */
    private Optional<Integer> limitInForce(ProductId productId, boolean livestreamOrder) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Integer> shows = jdbc.sql("""
                        SELECT MIN(COALESCE(s.max_units_per_buyer, ?)) FROM livestream_show s
                        JOIN livestream_show_product p ON p.show_id = s.id
                        WHERE p.product_id = ? AND s.starts_at <= ? AND s.ends_at > ?""")
                .params(defaultLimit, productId.value().toString(), now, now)
                .query((rs, n) -> (Integer) rs.getObject(1, Integer.class)).list();
        return Stream.of(ownLimit(productId).orElse(null), shows.isEmpty() ? null : shows.getFirst(),
                        livestreamOrder ? defaultLimit : null)
                .filter(Objects::nonNull).min(Integer::compare);
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

    private Optional<Integer> ownLimit(ProductId productId) {
        return jdbc.sql("SELECT max_units_per_buyer FROM livestream_limit WHERE product_id = ?")
                .param(productId.value().toString()).query(Integer.class).optional();
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
