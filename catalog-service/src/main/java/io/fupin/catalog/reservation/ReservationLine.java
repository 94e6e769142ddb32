package io.fupin.catalog.reservation;

import io.fupin.catalog.product.ProductId;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One reserved line with what the order keeps as its snapshot: seller, price and cost (and the price version
 * they belong to), presale delivery date and certificate number as they stood when it was reserved.
 */
@Table("reservation_line")
record ReservationLine(ProductId productId, UUID sellerId, int quantity, long priceFen, long costFen, int priceVersion,
        LocalDate presaleDeliveryDate, String certificateNumber) {
}
