package io.fupin.order.payment;

import io.fupin.order.checkout.OrderId;
import io.fupin.order.checkout.OrderEvent;
import io.fupin.order.checkout.OrderLifecycle;
import io.fupin.support.events.EventEnvelope;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every refund owed, recorded in the transaction that decides it (a paid order cancelled, a presale cut, an
 * accepted refund request, money for an order that could no longer take it, an order cancelled while its
 * payment was still pending), then sent through the provider by a worker that retries with backoff until the
 * provider confirms. A refund of a payment still pending waits until it settles: it is sent once the money
 * was taken, voided when the payment was closed unpaid. Never more goes back than the payment took.
 */
@Component
public class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final Payments payments;
    private final PaymentProvider provider;
    private final OrderLifecycle lifecycle;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration maxRetry;

    Refunds(JdbcClient jdbc, Payments payments, PaymentProvider provider, OrderLifecycle lifecycle, Clock clock,
            @Value("${fupin.payments.refunds.first-retry:PT10S}") Duration firstRetry,
            @Value("${fupin.payments.refunds.max-retry:PT30M}") Duration maxRetry) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.provider = provider;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    public enum Status {
        /** Decided, not yet confirmed by the provider. */
        OWED,
        /** The provider confirmed it. */
        SENT,
        /** Nothing to send back: the payment was closed unpaid. */
        VOID
    }

    /** A refund as a clerk sees it. */
    public record Refund(UUID refundId, OrderId orderId, UUID paymentId, long amountFen, String reason, Status status,
            Payment.Status paymentStatus, int attempts, Instant nextAttemptAt, String lastError, Instant decidedAt,
            Instant sentAt) {
    }

    /** The refund id of the money a payment brought for an order that could not take it: one per payment. */
    static UUID forUnpayableOrder(UUID paymentId) {
        return UUID.nameUUIDFromBytes(("unpayable:" + paymentId).getBytes(StandardCharsets.UTF_8));
    }

    /** The order's decisions, recorded in the order's own transaction: no decided refund can be forgotten. */
    @EventListener
    void on(EventEnvelope<?> event) {
        if (event.payload() instanceof OrderEvent.OrderRefunded refunded) {
            UUID payment = lifecycle.payable(refunded.orderId()).map(OrderLifecycle.Payable::paymentId).orElse(null);
            owe(refunded.refundId(), refunded.orderId(), payment, refunded.totalFen(), refunded.reason());
        } else if (event.payload() instanceof OrderEvent.OrderCancelled cancelled && !cancelled.wasPaid()) {
            // A payment still pending may yet be taken: whatever it brings is owed back.
            for (Payment pending : payments.findByOrderId(cancelled.orderId())) {
                if (pending.status() == Payment.Status.PENDING) {
                    owe(forUnpayableOrder(pending.id()), cancelled.orderId(), pending.id(), pending.amountFen(),
                            "ORDER_NOT_PAYABLE");
                }
            }
        }
    }

    /**
     * Records a refund owed, in the caller's transaction; recording the same refund id again changes nothing.
     *
     * @throws RefundExceedsPayment when the payment's refunds would add up to more than it took
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void owe(UUID refundId, OrderId orderId, UUID paymentId, long amountFen, String reason) {
        if (amountFen <= 0) {
            throw new IllegalArgumentException("A refund is a positive amount, not " + amountFen + " fen");
        }
        if (paymentId != null) {
            // Locks the payment so that two refunds decided at once are checked one after the other.
            long paid = jdbc.sql("SELECT amount_fen FROM payment WHERE id = ? FOR UPDATE").param(paymentId.toString())
                    .query(Long.class).optional().orElse(0L);
            long already = jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM refund WHERE payment_id = ? AND status <> 'VOID' AND refund_id <> ?")
                    .params(paymentId.toString(), refundId.toString()).query(Long.class).single();
            if (Math.addExact(already, amountFen) > paid) {
                throw new RefundExceedsPayment(paymentId, paid, already, amountFen);
            }
        }
        Instant now = clock.instant();
        jdbc.sql("INSERT IGNORE INTO refund (refund_id, order_id, payment_id, amount_fen, reason, status, attempts, next_attempt_at, decided_at) VALUES (?, ?, ?, ?, ?, 'OWED', 0, ?, ?)")
                .params(refundId.toString(), orderId.value().toString(), paymentId == null ? null : paymentId.toString(),
                        amountFen, reason, Timestamp.from(now), Timestamp.from(now)).update();
    }

    /** A payment closed unpaid: the refunds waiting for it have nothing to send back. */
    @Transactional(propagation = Propagation.MANDATORY)
    void voidFor(UUID paymentId) {
        jdbc.sql("UPDATE refund SET status = 'VOID', last_error = 'the payment was closed unpaid' WHERE payment_id = ? AND status = 'OWED'")
                .param(paymentId.toString()).update();
    }

    @Scheduled(fixedDelayString = "${fupin.payments.refunds.deliver-every:PT10S}",
            initialDelayString = "${fupin.payments.refunds.deliver-every:PT10S}")
    void deliverOnSchedule() {
        try {
            deliverDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Refund delivery failed, the next run tries again: {}", e.getMessage());
        }
    }

    /** Sends every refund due by {@code now}; answers how many the provider confirmed. */
    public int deliverDue(Instant now) {
        List<Refund> due = jdbc.sql(SELECT + " WHERE r.status = 'OWED' AND r.next_attempt_at <= ? ORDER BY r.next_attempt_at LIMIT " + BATCH)
                .param(Timestamp.from(now)).query(this::refund).list();
        int sent = 0;
        for (Refund refund : due) {
            if (deliver(refund, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(Refund refund, Instant now) {
        // Claims the refund for a while, so that two instances never send it at once (sending twice is harmless anyway).
        int claimed = jdbc.sql("UPDATE refund SET next_attempt_at = ? WHERE refund_id = ? AND status = 'OWED' AND next_attempt_at = ?")
                .params(Timestamp.from(now.plus(maxRetry)), refund.refundId().toString(), Timestamp.from(refund.nextAttemptAt()))
                .update();
        if (claimed == 0) {
            return false;
        }
        if (refund.paymentStatus() == null) {
            retryLater(refund, now, "the order has no payment to refund");
            return false;
        }
        switch (refund.paymentStatus()) {
            case PENDING -> {
                jdbc.sql("UPDATE refund SET next_attempt_at = ?, last_error = 'waiting for the payment to settle' WHERE refund_id = ?")
                        .params(Timestamp.from(now.plus(firstRetry)), refund.refundId().toString()).update();
                return false;
            }
            case FAILED -> {
                jdbc.sql("UPDATE refund SET status = 'VOID', last_error = 'the payment was closed unpaid' WHERE refund_id = ?")
                        .param(refund.refundId().toString()).update();
                return false;
            }
            default -> {
                try {
                    provider.refund(refund.paymentId(), refund.refundId(), refund.amountFen());
                } catch (RuntimeException e) {
                    retryLater(refund, now, e.getMessage());
                    return false;
                }
                jdbc.sql("UPDATE refund SET status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE refund_id = ?")
                        .params(Timestamp.from(clock.instant()), refund.refundId().toString()).update();
                return true;
            }
        }
    }

    private void retryLater(Refund refund, Instant now, String error) {
        int attempts = refund.attempts() + 1;
        Duration pause = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (pause.compareTo(maxRetry) > 0) {
            pause = maxRetry;
        }
        log.warn("Refund {} of payment {} not sent (attempt {}), next try in {}: {}", refund.refundId(), refund.paymentId(),
                attempts, pause, error);
        jdbc.sql("UPDATE refund SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE refund_id = ?")
                .params(attempts, Timestamp.from(now.plus(pause)), error == null ? null : error.substring(0, Math.min(error.length(), 500)),
                        refund.refundId().toString()).update();
    }

    /** Refunds owed and not yet confirmed by the provider, oldest first. */
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public Page<Refund> unsent(PageRequest page) {
        List<Refund> owed = jdbc.sql(SELECT + " WHERE r.status = 'OWED' ORDER BY r.decided_at, r.refund_id LIMIT ? OFFSET ?")
                .param(page.size()).param(page.offset()).query(this::refund).list();
        return Page.of(owed, page, jdbc.sql("SELECT COUNT(*) FROM refund WHERE status = 'OWED'").query(Long.class).single());
    }

    /** Every refund of one order. */
    public List<Refund> ofOrder(OrderId orderId) {
        return jdbc.sql(SELECT + " WHERE r.order_id = ? ORDER BY r.decided_at").param(orderId.value().toString()).query(this::refund).list();
    }

    /** What has been sent back of a payment, in fen. */
    long sentOf(UUID paymentId) {
        return jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM refund WHERE payment_id = ? AND status = 'SENT'")
                .param(paymentId.toString()).query(Long.class).single();
    }

    private static final String SELECT = "SELECT r.refund_id, r.order_id, r.payment_id, r.amount_fen, r.reason, r.status, p.status, "
            + "r.attempts, r.next_attempt_at, r.last_error, r.decided_at, r.sent_at FROM refund r LEFT JOIN payment p ON p.id = r.payment_id";

    private Refund refund(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String payment = rs.getString(3);
        String paymentStatus = rs.getString(7);
        Timestamp sentAt = rs.getTimestamp(12);
        return new Refund(UUID.fromString(rs.getString(1)), new OrderId(UUID.fromString(rs.getString(2))),
                payment == null ? null : UUID.fromString(payment), rs.getLong(4), rs.getString(5),
                Status.valueOf(rs.getString(6)), paymentStatus == null ? null : Payment.Status.valueOf(paymentStatus),
                rs.getInt(8), rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getTimestamp(11).toInstant(),
                sentAt == null ? null : sentAt.toInstant());
    }
}
