package io.fupin.web.cart;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.SessionScope;

/** The visitor's cart, one per session: which products, how many of each, in the order they were added. */
@Component
@SessionScope
public class Cart implements Serializable {

    /** order-service takes at most 20 lines and 1,000 units per line. */
    public static final int MAX_LINES = 20;
    public static final int MAX_QUANTITY = 1000;

    private final Map<UUID, Integer> quantities = new LinkedHashMap<>();

    /** Adds units of a product, capped per line; false when the cart already holds {@link #MAX_LINES} others. */
    public synchronized boolean add(UUID productId, int quantity) {
        if (!quantities.containsKey(productId) && quantities.size() >= MAX_LINES) {
            return false;
        }
        quantities.merge(productId, Math.max(1, quantity), (a, b) -> Math.min(MAX_QUANTITY, a + b));
        return true;
    }

    public synchronized void set(UUID productId, int quantity) {
        if (quantity <= 0) {
            quantities.remove(productId);
        } else if (quantities.containsKey(productId)) {
            quantities.put(productId, Math.min(MAX_QUANTITY, quantity));
        }
    }

    public synchronized void remove(UUID productId) {
        quantities.remove(productId);
    }

    public synchronized void clear() {
        quantities.clear();
    }

    public synchronized Map<UUID, Integer> lines() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(quantities));
    }

    public synchronized int units() {
        return quantities.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized boolean isEmpty() {
        return quantities.isEmpty();
    }
}
