package io.fupin.order.owners;

import io.fupin.order.checkout.OrderId;
import io.fupin.order.checkout.Orders;
import io.fupin.order.payment.PaymentDesk;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Callers;
import io.fupin.support.identity.Role;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * order-service's ownership rules, written once and named in the use cases' {@code @PreAuthorize}
 * ({@code @owners.ofOrder(#orderId)}, {@code @owners.sellsIn(#orderId)} ...). An order belongs to the consumer
 * who placed it; a seller takes part in the orders holding its products, and sees and ships only its lines.
 * Something that does not exist passes for the role that could own it, so that the use case answers 404 as it
 * does for everyone; one of somebody else does not (403).
 */
@Component("owners")
class Owners {

    private final Orders orders;
    private final PaymentDesk payments;

    Owners(Orders orders, PaymentDesk payments) {
        this.orders = orders;
        this.payments = payments;
    }

    /** The caller is the consumer who placed the order. */
    public boolean ofOrder(OrderId orderId) {
        Optional<Caller> consumer = caller(Role.CONSUMER);
        return consumer.isPresent() && (orderId == null
                || orders.findById(orderId).map(o -> o.buyerId().equals(consumer.get().userId())).orElse(true));
    }

    /** The caller is a seller one of whose products the order holds. */
    public boolean sellsIn(OrderId orderId) {
        UUID own = boundSeller();
        return own != null && (orderId == null || orders.findById(orderId).map(o -> o.hasLinesOf(own)).orElse(true));
    }

    /** The caller is the consumer paying with the payment. */
    public boolean ofPayment(UUID paymentId) {
        Optional<Caller> consumer = caller(Role.CONSUMER);
        return consumer.isPresent() && (paymentId == null
                || payments.buyerOf(paymentId).map(consumer.get().userId()::equals).orElse(true));
    }

    /** The caller is a seller bound to a seller id. */
    public boolean isSeller() {
        return boundSeller() != null;
    }

    private static Optional<Caller> caller(Role role) {
        return Callers.current().filter(caller -> caller.hasRole(role));
    }

    private static UUID boundSeller() {
        return caller(Role.SELLER).map(Caller::sellerId).orElse(null);
    }
}
