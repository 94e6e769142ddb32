package io.fupin.web.orders;

import java.util.UUID;

/** A payment as order-service answers it. */
public record Payment(UUID id, UUID orderId, long amountFen, String status) {
}
