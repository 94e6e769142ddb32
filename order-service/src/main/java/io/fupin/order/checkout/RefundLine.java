package io.fupin.order.checkout;

import io.fupin.order.stock.ProductId;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** Units of one order line in one refund. */
@Table("order_refund_line")
public record RefundLine(UUID refundId, ProductId productId, UUID sellerId, int quantity, long unitPriceFen,
        long unitCostFen, long amountFen, LocalDate presaleDeliveryDate) {

    static RefundLine of(UUID refundId, OrderLine line, int quantity) {
        return new RefundLine(refundId, line.productId(), line.sellerId(), quantity, line.unitPriceFen(),
                line.unitCostFen(), Math.multiplyExact(line.unitPriceFen(), (long) quantity), line.presaleDeliveryDate());
    }
}
