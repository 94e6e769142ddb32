package io.fupin.catalog.reservation;

import io.fupin.catalog.product.ProductId;
import java.time.LocalDate;
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

    /**
     * Takes {@code quantity} units if that many are on sale under a certificate valid {@code today}, at the price
     * version the caller read; the row lock is held until commit.
     */
    boolean take(ProductId productId, int quantity, LocalDate today, int priceVersion) {
        return jdbc.sql("""
                UPDATE product SET stock = stock - :quantity
                WHERE id = :id AND status = 'ON_SALE' AND certificate_valid_until >= :today AND stock >= :quantity
                  AND price_version = :priceVersion""")
                .param("quantity", quantity).param("id", productId.value().toString()).param("today", today)
                .param("priceVersion", priceVersion).update() == 1;
    }

    void giveBack(ProductId productId, int quantity) {
        jdbc.sql("UPDATE product SET stock = stock + :quantity WHERE id = :id")
                .param("quantity", quantity).param("id", productId.value().toString()).update();
    }

    /**
     * Price, cost, seller, certificate and presale date as they stand inside the current transaction, and the stock
     * as it stood when read (only {@link #take} decides).
     */
    Optional<Snapshot> snapshot(ProductId productId) {
        return jdbc.sql("""
                SELECT seller_id, price_fen, cost_fen, price_version, presale_delivery_date, certificate_number, stock
                FROM product WHERE id = :id""")
                .param("id", productId.value().toString())
                .query((rs, n) -> new Snapshot(UUID.fromString(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                        rs.getInt(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getInt(7)))
                .optional();
    }

    record Snapshot(UUID sellerId, long priceFen, long costFen, int priceVersion, LocalDate presaleDeliveryDate,
            String certificateNumber, int stock) {
    }
}
