package io.fupin.settlement.intake;

import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order events parked because they arrived before the order's payment (a refund, the completion, a paid
 * order's cancellation): what clerks see of them, the gauge {@code fupin.settlement.parked.events}, and the
 * orders behind them that keep a period from closing.
 */
@Service
public class ParkedEvents implements MeterBinder {

    /** What every parked event waits for: the payment it follows. */
    static final String AWAITS = "OrderPaid";

    private final WaitingOrderEvents waiting;

    ParkedEvents(WaitingOrderEvents waiting) {
        this.waiting = waiting;
    }

    /**
     * One parked event.
     *
     * @param sequence    its own place among the order's events (order-service's {@code sequence}), {@code null}
     *                    when the producer sent none
     * @param awaits      the event type it waits for before it is applied
     * @param occurredAt  when it happened in order-service
     * @param parkedSince when settlement received and parked it
     */
    public record ParkedEvent(UUID eventId, UUID orderId, String eventType, Long sequence, String awaits,
            Instant occurredAt, Instant parkedSince) {
    }

    /** The parked events, longest waiting first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public Page<ParkedEvent> list(PageRequest page) {
        return Page.of(waiting.page(page.offset(), page.size()), page, waiting.count());
    }

    /** The orders with events parked that happened in [from, to): their money is not in the ledger yet. */
    @Transactional(readOnly = true)
    public List<UUID> ordersBetween(Instant from, Instant to) {
        return waiting.ordersBetween(from, to);
    }

    /** How many parked events happened in [from, to). */
    @Transactional(readOnly = true)
    public long countBetween(Instant from, Instant to) {
        return waiting.countBetween(from, to);
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("fupin.settlement.parked.events", waiting, w -> {
            try {
                return w.count();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description("Order events waiting for the payment they follow").register(meters);
    }
}
