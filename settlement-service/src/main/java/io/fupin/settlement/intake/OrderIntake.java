package io.fupin.settlement.intake;

import io.fupin.support.kafka.ProcessedEvents;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
public class OrderIntake {

    static final String CONSUMER = "settlement.order-events";
    private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

    private final SettlementOrders orders;
    private final ProcessedEvents processed;
    private final JsonMapper json;
    private final Clock clock;

    OrderIntake(SettlementOrders orders, ProcessedEvents processed, JsonMapper json, Clock clock) {
        this.orders = orders;
        this.processed = processed;
        this.json = json;
        this.clock = clock;
    }

    /** Applies one order event exactly once: its id is recorded in the same transaction as its effect. */
    @Transactional
    public void apply(OrderEventMessage event) {
        if (!processed.firstDelivery(CONSUMER, event.eventId())) {
            log.debug("Event {} already applied", event.eventId());
            return;
        }
        switch (event.eventType()) {
            case "OrderPlaced" -> {
                var placed = json.treeToValue(event.payload(), OrderEventMessage.OrderPlaced.class);
                if (!orders.existsById(placed.orderId())) {
                    orders.save(SettlementOrder.placed(placed, clock.instant()));
                }
            }
            default -> log.debug("Ignoring {} {}", event.eventType(), event.eventId());
        }
    }

    @Transactional(readOnly = true)
    public SettlementOrderView order(UUID orderId) {
        return orders.findById(orderId).map(SettlementOrder::view).orElseThrow(() -> new OrderNotRecorded(orderId));
    }

    @Transactional(readOnly = true)
    public long count() {
        return orders.count();
    }

    public static class OrderNotRecorded extends RuntimeException {
        public OrderNotRecorded(UUID orderId) {
            super("Settlement has no record of order " + orderId + " (yet).");
        }
    }
}
