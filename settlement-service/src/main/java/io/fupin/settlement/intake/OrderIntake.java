package io.fupin.settlement.intake;

import io.fupin.settlement.allocation.PaidOrder;
import io.fupin.settlement.allocation.ProceedsAllocation;
import io.fupin.settlement.allocation.RefundedOrder;
import io.fupin.support.kafka.ProcessedEvents;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
public class OrderIntake {

    static final String CONSUMER = "settlement.order-events";
    private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

    private final SettlementOrders orders;
    private final ProcessedEvents processed;
    private final ProceedsAllocation allocation;
    private final WaitingOrderEvents waiting;
    private final JsonMapper json;
    private final Clock clock;

    OrderIntake(SettlementOrders orders, ProcessedEvents processed, ProceedsAllocation allocation,
            WaitingOrderEvents waiting, JsonMapper json, Clock clock) {
        this.orders = orders;
        this.waiting = waiting;
        this.processed = processed;
        this.allocation = allocation;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Applies one order event exactly once: its id is recorded in the same transaction as its effect. An event
     * that follows the payment (a refund, the completion, a paid order's cancellation) and arrives before it
     * waits, and is applied right after the payment, in the order the events happened.
     */
    @Transactional
    public void apply(OrderEventMessage event) {
        if (!processed.firstDelivery(CONSUMER, event.eventId())) {
            log.debug("Event {} already applied", event.eventId());
            return;
        }
        UUID orderId = UUID.fromString(event.aggregateId());
        if (followsPayment(event) && !allocation.paymentRecorded(orderId)) {
            log.info("{} {} of order {} arrived before the payment; it waits for it", event.eventType(),
                    event.eventId(), orderId);
            waiting.keep(orderId, event, clock.instant());
            return;
        }
        effect(event);
        if ("OrderPaid".equals(event.eventType())) {
            for (OrderEventMessage early : waiting.takeAll(orderId)) {
                log.info("Applying {} {} of order {} that waited for the payment", early.eventType(),
                        early.eventId(), orderId);
                effect(early);
            }
        }
    }

    private boolean followsPayment(OrderEventMessage event) {
        return switch (event.eventType()) {
            case "OrderRefunded", "OrderCompleted" -> true;
            case "OrderCancelled" -> event.payload().path("wasPaid").asBoolean(false);
            default -> false;
        };
    }

    /** Events that arrived before the payment they follow and still wait for it. */
    @Transactional(readOnly = true)
    public long waiting() {
        return waiting.count();
    }

    private void effect(OrderEventMessage event) {
        switch (event.eventType()) {
            case "OrderPlaced" -> {
                var placed = json.treeToValue(event.payload(), OrderEventMessage.OrderPlaced.class);
                if (!orders.existsById(placed.orderId())) {
                    orders.save(SettlementOrder.placed(placed, clock.instant()));
                }
            }
            case "OrderPaid" -> {
                var paid = json.treeToValue(event.payload(), OrderEventMessage.OrderPaid.class);
                SettlementOrder order = orders.findById(paid.orderId())
                        .orElseGet(() -> SettlementOrder.paid(paid, clock.instant()));
                order.markPaid(paid.paidAt());
                orders.save(order);
                allocation.paid(new PaidOrder(paid.orderId(), paid.paidAt(), paid.lines().stream()
                        .map(l -> new PaidOrder.Line(l.productId(), l.sellerId(), l.quantity(), l.unitPriceFen(),
                                l.unitCostFen()))
                        .toList()));
            }
            case "OrderCompleted" -> {
                var completed = json.treeToValue(event.payload(), OrderEventMessage.OrderCompleted.class);
                orders.findById(completed.orderId()).ifPresent(order -> {
                    order.markCompleted(completed.completedAt());
                    orders.save(order);
                });
                allocation.completed(completed.orderId(), completed.completedAt());
            }
            case "OrderRefunded" -> {
                var refunded = json.treeToValue(event.payload(), OrderEventMessage.OrderRefunded.class);
                UUID refundId = refunded.refundId() != null ? refunded.refundId() : event.eventId();
                orders.findById(refunded.orderId()).ifPresent(order -> {
                    order.markRefunded(refunded.totalFen());
                    orders.save(order);
                });
                allocation.refunded(new RefundedOrder(refunded.orderId(), refundId, refunded.refundedAt(),
                        refunded.lines().stream()
                                .map(l -> new RefundedOrder.Line(l.productId(), l.sellerId(), l.quantity(),
                                        l.unitPriceFen(), l.amountFen()))
                                .toList()));
            }
            case "OrderCancelled" -> {
                // A paid order's money went back through the OrderRefunded just before; this only closes the record.
                var cancelled = json.treeToValue(event.payload(), OrderEventMessage.OrderCancelled.class);
                orders.findById(cancelled.orderId()).ifPresent(order -> {
                    order.markCancelled();
                    orders.save(order);
                });
            }
            default -> log.debug("Ignoring {} {}", event.eventType(), event.eventId());
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
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
