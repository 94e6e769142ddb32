package io.fupin.catalog.product;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every price a product was offered at: append-only, so it is written with plain inserts. */
@Component
class PriceHistory {

    private final JdbcClient jdbc;

    PriceHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Product product, Instant effectiveFrom) {
        jdbc.sql("""
                INSERT INTO product_price (product_id, price_version, price_fen, cost_fen, cost_reason, effective_from)
                VALUES (:id, :version, :price, :cost, :reason, :from)""")
                .param("id", product.id().value().toString()).param("version", product.priceVersion())
                .param("price", product.priceFen()).param("cost", product.costFen())
                .param("reason", product.costReason()).param("from", Timestamp.from(effectiveFrom))
                .update();
    }

    List<PriceVersion> of(ProductId productId) {
        return jdbc.sql("""
                SELECT price_version, price_fen, cost_fen, cost_reason, effective_from FROM product_price
                WHERE product_id = :id ORDER BY price_version""")
                .param("id", productId.value().toString())
                .query((rs, n) -> new PriceVersion(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }
}
