package io.fupin.order.checkout;

import io.fupin.support.id.Identifier;
import java.util.UUID;

/**
 * An order's id: the UUID its Idempotency-Key was given when the order was placed. In JSON, URIs, events and the
 * {@code orders.id} column it is that UUID.
 */
public record OrderId(UUID value) implements Identifier {
}
