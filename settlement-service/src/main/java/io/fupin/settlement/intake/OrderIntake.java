package io.fupin.settlement.intake;

import io.fupin.settlement.allocation.PaidOrder;
import io.fupin.settlement.allocation.ProceedsAllocation;
import io.fupin.settlement.allocation.RefundedOrder;
import io.fupin.support.events.EventEnvelope;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrderIntake {

    static final String CONSUMER = "settlement.order-events";
    private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

    private final SettlementOrders orders;
    private final ProceedsAllocation allocation;
    private final WaitingOrderEvents waiting;
    private final Clock clock;

    OrderIntake(SettlementOrders orders, ProceedsAllocation allocation, WaitingOrderEvents waiting, Clock clock) {
        this.orders = orders;
        this.waiting = waiting;
        this.allocation = allocation;
        this.clock = clock;
    }

    /**
     * Applies one order event; runs in the transaction that records its id for this consumer
     * ({@link OrderEventsListener}), so it is applied exactly once. An event that follows the payment (a refund,
     * the completion, a paid order's cancellation) and arrives before it waits, and is applied right after the
     * payment, in the order the events happened.
     */
    void apply(EventEnvelope<OrderEventMessage> event) {
        UUID orderId = UUID.fromString(event.aggregateId());
        if (followsPayment(event.payload()) && !allocation.paymentRecorded(orderId)) {
            log.info("{} {} of order {} arrived before the payment; it waits for it", event.eventType(),
                    event.eventId(), orderId);
            waiting.keep(orderId, event, clock.instant());
            return;
        }
        effect(event);
        // One line per event applied: with the trace id the order's request started, it ties this log to the gateway's.
        log.info("Applied {} {} of order {}", event.eventType(), event.eventId(), orderId);
        if (event.payload() instanceof OrderEventMessage.OrderPaid) {
            for (EventEnvelope<OrderEventMessage> early : waiting.takeAll(orderId)) {
                log.info("Applying {} {} of order {} that waited for the payment", early.eventType(),
                        early.eventId(), orderId);
                effect(early);
            }
        }
    }

    private static boolean followsPayment(OrderEventMessage event) {
        return switch (event) {
            case OrderEventMessage.OrderRefunded refunded -> true;
            case OrderEventMessage.OrderCompleted completed -> true;
            case OrderEventMessage.OrderCancelled cancelled -> cancelled.wasPaid();
            case OrderEventMessage.OrderPlaced placed -> false;
            case OrderEventMessage.OrderPaid paid -> false;
        };
    }

    /** Events that arrived before the payment they follow and still wait for it. */
    @Transactional(readOnly = true)
    public long waiting() {
        return waiting.count();
    }

    private void effect(EventEnvelope<OrderEventMessage> event) {
        switch (event.payload()) {
            case OrderEventMessage.OrderPlaced placed -> {
                if (!orders.existsById(placed.orderId())) {
                    orders.save(SettlementOrder.placed(placed, clock.instant()));
                }
            }
            case OrderEventMessage.OrderPaid paid -> {
                SettlementOrder order = orders.findById(paid.orderId())
                        .orElseGet(() -> SettlementOrder.paid(paid, clock.instant()));
                order.markPaid(paid.paidAt());
                orders.save(order);
                allocation.paid(new PaidOrder(paid.orderId(), paid.paidAt(), paid.lines().stream()
                        .map(l -> new PaidOrder.Line(l.productId(), l.sellerId(), l.quantity(), l.unitPriceFen(),
                                l.unitCostFen()))
                        .toList()));
            }
            case OrderEventMessage.OrderCompleted completed -> {
                orders.findById(completed.orderId()).ifPresent(order -> {
                    order.markCompleted(completed.completedAt());
                    orders.save(order);
                });
                allocation.completed(completed.orderId(), completed.completedAt());
            }
            case OrderEventMessage.OrderRefunded refunded -> {
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
            case OrderEventMessage.OrderCancelled cancelled -> {
                // A paid order's money went back through the OrderRefunded just before; this only closes the record.
                orders.findById(cancelled.orderId()).ifPresent(order -> {
                    order.markCancelled();
                    orders.save(order);
                });
            }
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
}
