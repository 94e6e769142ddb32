package io.fupin.catalog.reservation;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** One reserved line with the price, cost and seller it was reserved at: the order's snapshot. */
@Table("reservation_line")
record ReservationLine(UUID productId, UUID sellerId, int quantity, long priceFen, long costFen) {
}
