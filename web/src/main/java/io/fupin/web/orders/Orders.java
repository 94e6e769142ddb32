package io.fupin.web.orders;

import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.gateway.ServiceDown;
import io.fupin.web.security.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** order-service through the gateway, as the signed-in consumer. */
@Component
public class Orders {

    public record NewLine(UUID productId, int quantity) {
    }

    public record Buyer(String kind, String organisationName) {
    }

    public record NewOrder(List<NewLine> lines, String channel, Buyer buyer, Order.Delivery delivery) {
    }

    record RefundRequest(List<NewLine> lines, String note) {
    }

    private final Gateway gateway;
    private final CurrentUser user;

    Orders(Gateway gateway, CurrentUser user) {
        this.gateway = gateway;
        this.user = user;
    }

    public Order place(NewOrder order, String idempotencyKey) {
        return gateway.post(user.requireToken(), "/api/orders", order, Map.of("Idempotency-Key", idempotencyKey),
                Order.class);
    }

    public OrderPage mine(int page, int size) {
        return gateway.get(user.requireToken(), "/api/orders?view=buyer&page={page}&size={size}", OrderPage.class,
                page, size);
    }

    /**
     * The address book: the distinct deliveries of the user's latest orders, newest first. order-service keeps no
     * other address; when it does not answer, the checkout simply offers none.
     */
    public List<Order.Delivery> recentDeliveries(int max) {
        try {
            OrderPage latest = mine(0, 20);
            return latest == null || latest.items() == null ? List.of()
                    : latest.items().stream().map(Order::delivery).filter(Objects::nonNull).distinct().limit(max)
                            .toList();
        } catch (ServiceDown | ApiProblem unavailable) {
            return List.of();
        }
    }

    public Order one(UUID id) {
        return gateway.get(user.requireToken(), "/api/orders/{id}", Order.class, id);
    }

    /** Starts the payment of the whole order and pays it in the sandbox wallet; the callback follows. */
    public Payment payInSandbox(Order order) {
        // One key per order: a repeated click finds the payment already registered.
        Payment payment = gateway.post(user.requireToken(), "/api/payments",
                Map.of("orderId", order.id(), "amountFen", order.totalFen()),
                Map.of("Idempotency-Key", "pay-" + order.id()), Payment.class);
        gateway.post(user.requireToken(), "/api/payments/{id}/sandbox/pay", null, Map.of(), Map.class, payment.id());
        return payment;
    }

    public Order cancel(UUID id) {
        return gateway.post(user.requireToken(), "/api/orders/{id}/cancellation", null, Map.of(), Order.class, id);
    }

    public Order confirmDelivery(UUID id) {
        return gateway.post(user.requireToken(), "/api/orders/{id}/delivery", null, Map.of(), Order.class, id);
    }

    public Order requestRefund(UUID id, List<NewLine> lines, String note) {
        return gateway.post(user.requireToken(), "/api/orders/{id}/refunds", new RefundRequest(lines, note), Map.of(),
                Order.class, id);
    }
}
