package io.fupin.order.checkout;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A line with the price and pass-through cost it was reserved at; later price changes do not touch it. */
@Table("order_line")
public record OrderLine(UUID productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen, long amountFen) {

    static OrderLine of(UUID productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen) {
        return new OrderLine(productId, sellerId, quantity, unitPriceFen, unitCostFen,
                Math.multiplyExact(unitPriceFen, (long) quantity));
    }
}
