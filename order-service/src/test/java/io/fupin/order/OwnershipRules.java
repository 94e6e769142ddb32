package io.fupin.order;

import io.fupin.order.checkout.OrderId;
import java.util.UUID;

/**
 * What a controller slice puts under the name {@code owners}, {@code @MockitoBean(name = "owners")}: the ownership
 * rules the controllers' and use cases' {@code @PreAuthorize} call, by the names they call them. Unstubbed, nobody
 * owns anything: a test says whose order or payment it is.
 */
public interface OwnershipRules {

    boolean ofOrder(OrderId orderId);

    boolean sellsIn(OrderId orderId);

    boolean ofPayment(UUID paymentId);

    boolean isSeller();
}
