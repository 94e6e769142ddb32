package io.fupin.order.checkout;

import io.fupin.order.stock.ProductId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A line with the price and pass-through cost it was reserved at; later price changes do not touch it.
 *
 * @param presaleDeliveryDate for a presale (认购) product, the day from which it may be shipped; else {@code null}
 * @param refundedQuantity    units given back (cancellation, presale shortfall, accepted refund); never more than quantity
 * @param trackingNumber      set when the line's seller shipped it
 */
@Table("order_line")
public record OrderLine(ProductId productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen, long amountFen,
        LocalDate presaleDeliveryDate, String certificateNumber, int refundedQuantity, String trackingNumber,
        Instant shippedAt) {

    static OrderLine of(ProductId productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen,
            LocalDate presaleDeliveryDate, String certificateNumber) {
        return new OrderLine(productId, sellerId, quantity, unitPriceFen, unitCostFen,
                Math.multiplyExact(unitPriceFen, (long) quantity), presaleDeliveryDate, certificateNumber, 0, null, null);
    }

    /** Units still owed to the buyer. */
    public int remainingQuantity() {
        return quantity - refundedQuantity;
    }

    public boolean shipped() {
        return shippedAt != null;
    }

    public boolean presale() {
        return presaleDeliveryDate != null;
    }

    OrderLine refund(int units) {
        if (units <= 0 || units > remainingQuantity()) {
            throw new IllegalArgumentException("cannot refund " + units + " of " + remainingQuantity() + " units");
        }
        return new OrderLine(productId, sellerId, quantity, unitPriceFen, unitCostFen, amountFen, presaleDeliveryDate,
                certificateNumber, refundedQuantity + units, trackingNumber, shippedAt);
    }

    OrderLine ship(String tracking, Instant at) {
        return new OrderLine(productId, sellerId, quantity, unitPriceFen, unitCostFen, amountFen, presaleDeliveryDate,
                certificateNumber, refundedQuantity, tracking, at);
    }
}
