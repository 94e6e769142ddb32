package io.fupin.order.checkout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as its buyer sees it. */
public record OrderView(UUID id, String orderNumber, OrderStatus status, Channel channel, BuyerKind buyerKind,
        String organisationName, long totalFen, DeliveryContact delivery, Instant placedAt, List<OrderLine> lines) {

    static OrderView of(Order o) {
        return new OrderView(o.id(), o.orderNumber(), o.status(), o.channel(), o.buyerKind(), o.organisationName(),
                o.totalFen(), o.contact(), o.placedAt(), o.lines());
    }
}
