package io.fupin.web.checkout;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.SessionScope;

/**
 * The checkout attempts of this session that placed an order, newest kept: the second request of a double click
 * arrives after the first emptied the cart, and is answered with the first's order.
 */
@Component
@SessionScope
class PlacedAttempts implements Serializable {

    private static final int KEPT = 20;

    private final Map<String, UUID> orders = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UUID> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void placed(String attempt, UUID orderId) {
        orders.put(attempt, orderId);
    }

    synchronized Optional<UUID> orderOf(String attempt) {
        return Optional.ofNullable(orders.get(attempt));
    }
}
