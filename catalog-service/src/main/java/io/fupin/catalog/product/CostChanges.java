package io.fupin.catalog.product;

import io.fupin.catalog.product.CostChange.Status;
import io.fupin.catalog.seller.SellerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The cost changes requested for certified products, pending and decided. */
@Component
class CostChanges {

    private static final String COLUMNS = """
            id, product_id, seller_id, price_fen, cost_fen, cost_reason, evidence, current_price_fen, current_cost_fen,
            status, requested_by, requested_at, decided_by, decided_at, decision_note""";

    private final JdbcClient jdbc;

    CostChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws CostChangePending when the product has one waiting already (one pending per product, by a unique key) */
    CostChange request(Product product, Product.Pricing pricing, String evidence, String requestedBy, Instant now) {
        CostChange change = new CostChange(UUID.randomUUID(), product.id(), product.sellerId(), pricing.priceFen(),
                pricing.costFen(), pricing.costReason(), evidence, product.priceFen(), product.costFen(), Status.PENDING,
                requestedBy, now, null, null, null);
        try {
            jdbc.sql("INSERT INTO cost_change (" + COLUMNS + ", pending_product_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?)")
                    .params(change.id().toString(), change.productId().value().toString(),
                            change.sellerId().value().toString(),
                            change.priceFen(), change.costFen(), change.costReason(), change.evidence(),
                            change.currentPriceFen(), change.currentCostFen(), change.status().name(), requestedBy,
                            Timestamp.from(now), change.productId().value().toString())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new CostChangePending(product.id());
        }
        return change;
    }

    boolean pendingFor(ProductId productId) {
        return jdbc.sql("SELECT COUNT(*) FROM cost_change WHERE product_id = ? AND status = 'PENDING'")
                .param(productId.value().toString()).query(Long.class).single() > 0;
    }

    /** Locked until the transaction ends, so that two officials cannot both decide it. */
    Optional<CostChange> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cost_change WHERE id = ? FOR UPDATE").param(id.toString())
                .query(CostChanges::row).optional();
    }

    CostChange decide(CostChange change, Status status, String decidedBy, String note, Instant now) {
        jdbc.sql("UPDATE cost_change SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, "
                + "pending_product_id = NULL WHERE id = ?")
                .params(status.name(), decidedBy, Timestamp.from(now), note, change.id().toString()).update();
        return new CostChange(change.id(), change.productId(), change.sellerId(), change.priceFen(), change.costFen(),
                change.costReason(), change.evidence(), change.currentPriceFen(), change.currentCostFen(), status,
                change.requestedBy(), change.requestedAt(), decidedBy, now, note);
    }

    List<CostChange> ofProduct(ProductId productId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cost_change WHERE product_id = ? ORDER BY requested_at, id")
                .param(productId.value().toString()).query(CostChanges::row).list();
    }

    List<CostChange> pending(int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cost_change WHERE status = 'PENDING' ORDER BY requested_at, id "
                + "LIMIT ? OFFSET ?").params(size, (long) page * size).query(CostChanges::row).list();
    }

    private static CostChange row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new CostChange(UUID.fromString(rs.getString("id")),
                new ProductId(UUID.fromString(rs.getString("product_id"))),
                new SellerId(UUID.fromString(rs.getString("seller_id"))), rs.getLong("price_fen"), rs.getLong("cost_fen"),
                rs.getString("cost_reason"), rs.getString("evidence"), rs.getLong("current_price_fen"),
                rs.getLong("current_cost_fen"), Status.valueOf(rs.getString("status")), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_note"));
    }
}
