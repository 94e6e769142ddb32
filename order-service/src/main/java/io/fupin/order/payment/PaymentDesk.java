package io.fupin.order.payment;

import io.fupin.order.checkout.OrderId;
import io.fupin.order.checkout.OrderLifecycle.Payability;
import io.fupin.order.checkout.OrderLifecycle.Payable;
import io.fupin.order.checkout.OrderLifecycle;
import io.fupin.order.checkout.OrderNotFound;
import io.fupin.order.checkout.OrderStatus;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts payments, takes the provider's callbacks, and polls the provider for payments whose callback did not
 * come, so that every payment settles.
 */
@Service
public class PaymentDesk {

    private static final Logger log = LoggerFactory.getLogger(PaymentDesk.class);
    private static final int BATCH = 200;

    private final Payments payments;
    private final PaymentProvider provider;
    private final OrderLifecycle lifecycle;
    private final Refunds refunds;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration firstPoll;
    private final Duration maxPoll;
    private final Duration callbackMaxAge;
    private final MeterRegistry meters;

    PaymentDesk(Payments payments, PaymentProvider provider, OrderLifecycle lifecycle, Refunds refunds, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock,
            @Value("${fupin.payments.poll.first-after:PT1M}") Duration firstPoll,
            @Value("${fupin.payments.poll.max-interval:PT30M}") Duration maxPoll,
            @Value("${fupin.payments.callback-max-age:PT5M}") Duration callbackMaxAge, MeterRegistry meters) {
        this.payments = payments;
        this.provider = provider;
        this.lifecycle = lifecycle;
        this.refunds = refunds;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.firstPoll = firstPoll;
        this.maxPoll = maxPoll;
        this.callbackMaxAge = callbackMaxAge;
        this.meters = meters;
    }

    public record PaymentView(UUID id, OrderId orderId, long amountFen, String provider, Payment.Status status,
            String providerTradeNo, String payUrl, Instant createdAt, Instant paidAt) {
        static PaymentView of(Payment p, String payUrl) {
            return new PaymentView(p.id(), p.orderId(), p.amountFen(), p.provider(), p.status(), p.providerTradeNo(),
                    payUrl, p.createdAt(), p.paidAt());
        }
    }

    /**
     * Registers a payment of the order's total with the provider. While one is pending for the order it is
     * answered again instead of a second one being registered.
     *
     * @throws AmountMismatch when the amount is not the order's total
     * @throws OrderNotPayable when the order is not awaiting payment
     */
    public PaymentView start(Caller caller, UUID paymentId, OrderId orderId, long amountFen) {
        Payable order = lifecycle.payable(orderId)
                .orElseThrow(() -> new OrderNotFound(orderId));
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            throw new OrderNotPayable(orderId, order.status());
        }
        if (amountFen != order.totalFen()) {
            throw new AmountMismatch("The payment must be the order's total of " + order.totalFen() + " fen, not "
                    + amountFen + ".");
        }
        for (Payment open : payments.findByOrderId(orderId)) {
            if (open.status() == Payment.Status.PENDING) {
                return PaymentView.of(open, provider.payUrl(open.id()).orElse(null));
            }
        }
        PaymentProvider.Registration registration = provider.register(paymentId, orderId.value(), amountFen, "Fupin order " + orderId.value());
        Payment payment = Payment.start(paymentId, orderId, caller.userId(), amountFen, provider.name(),
                registration.tradeNo(), clock.instant());
        return PaymentView.of(payments.save(payment), registration.payUrl());
    }

    @PreAuthorize("hasRole('ADMIN') or @owners.ofPayment(#paymentId)")
    public PaymentView payment(UUID paymentId) {
        Payment payment = payments.findById(paymentId)
                .orElseThrow(() -> new PaymentNotFound(paymentId));
        return PaymentView.of(payment, provider.payUrl(paymentId).orElse(null));
    }

    /** Who pays with a payment, if it exists. */
    public Optional<String> buyerOf(UUID paymentId) {
        return payments.findById(paymentId).map(Payment::buyerId);
    }

    /** The outcome of a callback or a status poll. */
    public enum CallbackOutcome {
        PAID, DUPLICATE, REFUNDED_ORDER_NOT_PAYABLE, NOT_SUCCESSFUL, CLOSED
    }

    /**
     * Applies a provider callback: verified first, and refused when its nonce was seen before (a replay); a
     * duplicate notification changes nothing; a wrong amount is refused and flagged for a clerk; a success
     * confirms the stock and pays the order, or, when the order can no longer be paid (it expired meanwhile),
     * records the money as owed back.
     *
     * @throws BadSignature    (401) unsigned, wrongly signed, stale or replayed
     * @throws MalformedCallback (400) a signed body that cannot be read
     * @throws AmountMismatch                  when the provider reports another amount than was registered
     */
    public CallbackOutcome callback(Map<String, String> headers, byte[] body) {
        String outcome = "error";
        try {
            CallbackOutcome applied = verifyAndApply(headers, body);
            outcome = applied.name().toLowerCase();
            return applied;
        } catch (BadSignature e) {
            outcome = "bad_signature";
            throw e;
        } catch (MalformedCallback e) {
            outcome = "malformed";
            throw e;
        } catch (AmountMismatch e) {
            outcome = "amount_mismatch";
            throw e;
        } finally {
            meters.counter("fupin.payments.callbacks", "outcome", outcome).increment();
        }
    }

    private CallbackOutcome verifyAndApply(Map<String, String> headers, byte[] body) {
        PaymentProvider.Notification n = provider.verify(headers, body);
        String nonce = CallbackSignature.nonceOf(headers);
        if (nonce.length() > 100) {
            throw new MalformedCallback("The callback nonce is too long.");
        }
        try {
            jdbc.sql("INSERT INTO callback_nonce (provider, nonce, received_at) VALUES (?, ?, ?)")
                    .params(provider.name(), nonce, Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException replayed) {
            throw new BadSignature("This callback was received before: a replay is refused.");
        }
        try {
            return apply(n);
        } catch (RuntimeException e) {
            if (!(e instanceof AmountMismatch)) {
                // Not applied: the provider may send the very same callback again.
                jdbc.sql("DELETE FROM callback_nonce WHERE provider = ? AND nonce = ?").params(provider.name(), nonce).update();
            }
            throw e;
        }
    }

    private CallbackOutcome apply(PaymentProvider.Notification n) {
        Payment payment = payments.findById(n.paymentId()).orElseThrow(() -> new PaymentNotFound(n.paymentId()));
        if (payment.status() != Payment.Status.PENDING) {
            return CallbackOutcome.DUPLICATE;
        }
        if (n.closed()) {
            transactions.executeWithoutResult(tx -> {
                Payment fresh = payments.findById(payment.id()).orElseThrow();
                if (fresh.fail()) {
                    payments.save(fresh);
                    refunds.voidFor(fresh.id());
                }
            });
            return CallbackOutcome.CLOSED;
        }
        if (!n.succeeded()) {
            return CallbackOutcome.NOT_SUCCESSFUL;
        }
        if (n.amountFen() != payment.amountFen()) {
            flag(payment, n, "AMOUNT_MISMATCH");
            throw new AmountMismatch("Payment " + payment.id() + " was registered for " + payment.amountFen()
                    + " fen but the provider reports " + n.amountFen() + " fen; refused and flagged.");
        }
        Instant paidAt = n.paidAt() == null ? clock.instant() : n.paidAt();
        Payability payability = lifecycle.pay(payment.orderId(), payment.id(), paidAt);
        boolean tookIt = payability == Payability.PAID;
        Boolean changed;
        try {
            changed = transactions.execute(tx -> {
                Payment fresh = payments.findById(payment.id()).orElseThrow();
                boolean c = fresh.settle(tookIt, n.tradeNo(), paidAt);
                if (c) {
                    payments.save(fresh);
                    if (!tookIt) {
                        refunds.owe(Refunds.forUnpayableOrder(fresh.id()), fresh.orderId(), fresh.id(), fresh.amountFen(),
                                "ORDER_NOT_PAYABLE");
                    }
                }
                return c;
            });
        } catch (OptimisticLockingFailureException concurrentDuplicate) {
            return CallbackOutcome.DUPLICATE;
        }
        if (!Boolean.TRUE.equals(changed)) {
            return CallbackOutcome.DUPLICATE;
        }
        return tookIt ? CallbackOutcome.PAID : CallbackOutcome.REFUNDED_ORDER_NOT_PAYABLE;
    }

    @Scheduled(fixedDelayString = "${fupin.payments.poll.every:PT15S}", initialDelayString = "${fupin.payments.poll.every:PT15S}")
    void pollOnSchedule() {
        try {
            pollDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Polling pending payments failed, the next run tries again: {}", e.getMessage());
        }
    }

    /**
     * Asks the provider about every payment still pending whose poll is due (the first one {@code first-after}
     * its start, then at doubling intervals up to {@code max-interval}). A payment taken is applied as its
     * callback would have been; one closed fails; one nobody paid for an order that can no longer take it is
     * closed at the provider (voided).
     *
     * @return payments that settled
     */
    public int pollDue(Instant now) {
        jdbc.sql("DELETE FROM callback_nonce WHERE received_at < ?")
                .param(Timestamp.from(now.minus(callbackMaxAge.multipliedBy(2)))).update();
        List<UUID> due = jdbc.sql("SELECT id FROM payment WHERE status = 'PENDING' AND ((next_poll_at IS NULL AND created_at <= ?) OR next_poll_at <= ?) ORDER BY created_at LIMIT " + BATCH)
                .params(Timestamp.from(now.minus(firstPoll)), Timestamp.from(now))
                .query((rs, i) -> UUID.fromString(rs.getString(1))).list();
        int settled = 0;
        for (UUID id : due) {
            if (poll(id, now)) {
                settled++;
            }
        }
        return settled;
    }

    private boolean poll(UUID paymentId, Instant now) {
        int attempts = jdbc.sql("SELECT poll_attempts FROM payment WHERE id = ?").param(paymentId.toString())
                .query(Integer.class).single() + 1;
        Duration pause = firstPoll.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (pause.compareTo(maxPoll) > 0) {
            pause = maxPoll;
        }
        int claimed = jdbc.sql("UPDATE payment SET poll_attempts = ?, next_poll_at = ? WHERE id = ? AND status = 'PENDING' AND poll_attempts = ?")
                .params(attempts, Timestamp.from(now.plus(pause)), paymentId.toString(), attempts - 1).update();
        if (claimed == 0) {
            return false;
        }
        try {
            PaymentProvider.Notification n = provider.query(paymentId);
            if (!n.succeeded() && !n.closed()) {
                Payment payment = payments.findById(paymentId).orElseThrow();
                boolean orderTakesIt = lifecycle.payable(payment.orderId())
                        .filter(o -> o.status() == OrderStatus.PENDING_PAYMENT).isPresent();
                if (orderTakesIt) {
                    return false;
                }
                n = provider.close(paymentId);
            }
            CallbackOutcome outcome = apply(n);
            return outcome != CallbackOutcome.DUPLICATE && outcome != CallbackOutcome.NOT_SUCCESSFUL;
        } catch (RuntimeException e) {
            log.info("Payment {} could not be settled from the provider's status yet (attempt {}): {}", paymentId,
                    attempts, e.getMessage());
            return false;
        }
    }

    private void flag(Payment payment, PaymentProvider.Notification n, String reason) {
        jdbc.sql("INSERT INTO payment_flag (id, payment_id, reason, expected_amount_fen, reported_amount_fen, provider_trade_no, flagged_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), payment.id().toString(), reason, payment.amountFen(), n.amountFen(),
                        n.tradeNo(), Timestamp.from(clock.instant())).update();
    }

    public record Flag(UUID id, UUID paymentId, String reason, long expectedAmountFen, long reportedAmountFen,
            String providerTradeNo, Instant flaggedAt) {
    }

    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public Page<Flag> flags(PageRequest page) {
        List<Flag> flags = jdbc.sql("SELECT id, payment_id, reason, expected_amount_fen, reported_amount_fen, provider_trade_no, "
                        + "flagged_at FROM payment_flag ORDER BY flagged_at DESC, id LIMIT ? OFFSET ?")
                .param(page.size()).param(page.offset())
                .query((rs, i) -> new Flag(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
                        rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
        return Page.of(flags, page, jdbc.sql("SELECT COUNT(*) FROM payment_flag").query(Long.class).single());
    }
}
