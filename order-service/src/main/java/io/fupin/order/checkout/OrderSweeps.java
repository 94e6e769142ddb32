package io.fupin.order.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The time-driven steps: unpaid orders expire, shipped ones count as delivered, delivered ones complete, and the
 * stock of cancelled orders that catalog has not taken back yet is released.
 */
@Component
class OrderSweeps {

    private static final Logger log = LoggerFactory.getLogger(OrderSweeps.class);

    private final OrderLifecycle lifecycle;
    private final Clock clock;
    private final Duration autoDeliverAfter;
    private final Duration refundWindow;

    OrderSweeps(OrderLifecycle lifecycle, Clock clock,
            @Value("${fupin.orders.auto-deliver-after:P10D}") Duration autoDeliverAfter,
            @Value("${fupin.orders.refund-window:P7D}") Duration refundWindow) {
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.autoDeliverAfter = autoDeliverAfter;
        this.refundWindow = refundWindow;
    }

    @Scheduled(fixedDelayString = "${fupin.orders.sweep-every:PT30S}", initialDelayString = "${fupin.orders.sweep-every:PT30S}")
    void sweep() {
        try {
            sweepAsOf(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Order sweep failed, next run tries again: {}", e.getMessage());
        }
    }

    /** @return orders expired, delivered and completed as of {@code now}, and cancelled orders whose stock went back */
    int[] sweepAsOf(Instant now) {
        return new int[] {lifecycle.expireUnpaid(now), lifecycle.deliverShipped(now.minus(autoDeliverAfter), now),
                lifecycle.completeDelivered(now.minus(refundWindow), now), lifecycle.releaseOwedStock()};
    }
}
