package io.fupin.catalog.reservation;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The hot path: stock moves only through these conditional, atomic statements. */
@Component
class Stock {

    private final JdbcClient jdbc;

    Stock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes {@code quantity} units if that many are on sale; the row lock is held until commit. */
    boolean take(UUID productId, int quantity) {
        return jdbc.sql("UPDATE product SET stock = stock - :quantity WHERE id = :id AND status = 'ON_SALE' AND stock >= :quantity")
                .param("quantity", quantity).param("id", productId.toString()).update() == 1;
    }

    void giveBack(UUID productId, int quantity) {
        jdbc.sql("UPDATE product SET stock = stock + :quantity WHERE id = :id")
                .param("quantity", quantity).param("id", productId.toString()).update();
    }

    /** Price, cost and seller as they stand inside the current transaction. */
    Optional<Snapshot> snapshot(UUID productId) {
        return jdbc.sql("SELECT seller_id, price_fen, cost_fen FROM product WHERE id = :id")
                .param("id", productId.toString())
                .query((rs, n) -> new Snapshot(UUID.fromString(rs.getString(1)), rs.getLong(2), rs.getLong(3)))
                .optional();
    }

    record Snapshot(UUID sellerId, long priceFen, long costFen) {
    }
}
