package io.fupin.catalog.product;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stock as it stands, and the seller's own adjustments, both outside the aggregate: reservations move
 * stock concurrently, so it is only ever changed by conditional, relative UPDATEs.
 */
@Component
class LiveStock {

    private final JdbcClient jdbc;

    LiveStock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int of(ProductId productId) {
        return jdbc.sql("SELECT stock FROM product WHERE id = :id").param("id", productId.value().toString())
                .query(Integer.class).single();
    }

    /** @return whether the stock could absorb the change without going below zero or above {@link ProductRules#MAX_STOCK} */
    boolean adjust(ProductId productId, int delta) {
        return jdbc.sql("UPDATE product SET stock = stock + :delta WHERE id = :id AND stock + :delta BETWEEN 0 AND :max")
                .param("delta", delta).param("max", ProductRules.MAX_STOCK).param("id", productId.value().toString())
                .update() == 1;
    }

    /** Products whose stock moved since the last StockChanged event: id and version, oldest change first. */
    List<Candidate> unpublished(int limit) {
        return jdbc.sql("SELECT id, version FROM product WHERE stock <> published_stock LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Candidate(new ProductId(UUID.fromString(rs.getString(1))), rs.getLong(2)))
                .list();
    }

    /**
     * Marks the current stock as published. Conditional on the version, so that of several instances only one
     * publishes, and a seller's concurrent edit is not lost; the row stays locked until commit, so the stock read
     * afterwards in the same transaction is the one marked.
     */
    boolean markPublished(Candidate candidate) {
        return jdbc.sql("UPDATE product SET published_stock = stock, version = version + 1 WHERE id = :id AND version = :version")
                .param("id", candidate.productId().value().toString()).param("version", candidate.version())
                .update() == 1;
    }

    record Candidate(ProductId productId, long version) {
    }
}
