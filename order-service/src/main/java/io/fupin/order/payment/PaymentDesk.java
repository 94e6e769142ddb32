package io.fupin.order.payment;

import io.fupin.order.checkout.Checkout;
import io.fupin.order.checkout.OrderLifecycle;
import io.fupin.order.checkout.OrderLifecycle.Payability;
import io.fupin.order.checkout.OrderLifecycle.Payable;
import io.fupin.order.checkout.OrderStatus;
import io.fupin.support.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Starts payments, takes the provider's callbacks and sends refunds back through the provider. */
@Service
public class PaymentDesk {

    private final Payments payments;
    private final PaymentProvider provider;
    private final OrderLifecycle lifecycle;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PaymentDesk(Payments payments, PaymentProvider provider, OrderLifecycle lifecycle, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock) {
        this.payments = payments;
        this.provider = provider;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record PaymentView(UUID id, UUID orderId, long amountFen, String provider, Payment.Status status,
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
    public PaymentView start(Caller caller, UUID paymentId, UUID orderId, long amountFen) {
        Payable order = lifecycle.payable(orderId)
                .filter(o -> o.buyerId().equals(caller.userId()))
                .orElseThrow(() -> new Checkout.OrderNotFound(orderId));
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            throw new OrderNotPayable(orderId, order.status());
        }
        if (amountFen != order.totalFen()) {
            throw new AmountMismatch("The payment must be the order's total of " + order.totalFen() + " fen, not "
                    + amountFen + ".");
        }
        for (Payment open : payments.findByOrderId(orderId)) {
            if (open.status() == Payment.Status.PENDING) {
                return PaymentView.of(open, payUrl(open.id()));
            }
        }
        PaymentProvider.Registration registration = provider.register(paymentId, orderId, amountFen, "Fupin order " + orderId);
        Payment payment = Payment.start(paymentId, orderId, caller.userId(), amountFen, provider.name(),
                registration.tradeNo(), clock.instant());
        return PaymentView.of(payments.save(payment), registration.payUrl());
    }

    public PaymentView payment(Caller caller, UUID paymentId) {
        Payment payment = payments.findById(paymentId)
                .filter(p -> caller.hasRole("ADMIN") || p.buyerId().equals(caller.userId()))
                .orElseThrow(() -> new PaymentNotFound(paymentId));
        return PaymentView.of(payment, payUrl(paymentId));
    }

    /** The outcome of a callback, for the provider's acknowledgement. */
    public enum CallbackOutcome {
        PAID, DUPLICATE, REFUNDED_ORDER_NOT_PAYABLE, NOT_SUCCESSFUL
    }

    /**
     * Applies a provider callback: verified first; a duplicate changes nothing; a wrong amount is refused and
     * flagged for a clerk; a success confirms the stock and pays the order, or, when the order can no longer
     * be paid (it expired meanwhile), sends the money back.
     *
     * @throws PaymentProvider.BadSignature    (401) and {@link PaymentProvider.MalformedCallback} (400)
     * @throws AmountMismatch                  when the provider reports another amount than was registered
     */
    public CallbackOutcome callback(Map<String, String> headers, byte[] body) {
        PaymentProvider.Notification n = provider.verify(headers, body);
        Payment payment = payments.findById(n.paymentId()).orElseThrow(() -> new PaymentNotFound(n.paymentId()));
        if (payment.status() != Payment.Status.PENDING) {
            return CallbackOutcome.DUPLICATE;
        }
        if (n.amountFen() != payment.amountFen()) {
            flag(payment, n, "AMOUNT_MISMATCH");
            throw new AmountMismatch("Payment " + payment.id() + " was registered for " + payment.amountFen()
                    + " fen but the provider reports " + n.amountFen() + " fen; refused and flagged.");
        }
        if (!n.succeeded()) {
            return CallbackOutcome.NOT_SUCCESSFUL;
        }
        Payability payability = lifecycle.pay(payment.orderId(), payment.id(), n.paidAt());
        boolean tookIt = payability == Payability.PAID;
        Boolean changed;
        try {
            changed = transactions.execute(tx -> {
                Payment fresh = payments.findById(payment.id()).orElseThrow();
                boolean c = fresh.settle(tookIt, n.tradeNo(), n.paidAt());
                if (c) {
                    payments.save(fresh);
                }
                return c;
            });
        } catch (OptimisticLockingFailureException concurrentDuplicate) {
            return CallbackOutcome.DUPLICATE;
        }
        if (!Boolean.TRUE.equals(changed)) {
            return CallbackOutcome.DUPLICATE;
        }
        if (!tookIt) {
            refund(payment.id(), payment.orderId(), UUID.nameUUIDFromBytes(("unpayable:" + payment.id())
                    .getBytes(StandardCharsets.UTF_8)), payment.amountFen(), "ORDER_NOT_PAYABLE");
            return CallbackOutcome.REFUNDED_ORDER_NOT_PAYABLE;
        }
        return CallbackOutcome.PAID;
    }

    /** Sends an order's refund back through the provider, once per refund id. */
    public void refundOrder(UUID orderId, UUID refundId, long amountFen, String reason) {
        payments.findByOrderId(orderId).stream().filter(p -> p.status() == Payment.Status.SUCCEEDED).findFirst()
                .ifPresent(p -> refund(p.id(), orderId, refundId, amountFen, reason));
    }

    private void refund(UUID paymentId, UUID orderId, UUID refundId, long amountFen, String reason) {
        transactions.executeWithoutResult(tx -> {
            try {
                jdbc.sql("INSERT INTO payment_refund (refund_id, payment_id, order_id, amount_fen, reason, refunded_at) VALUES (?, ?, ?, ?, ?, ?)")
                        .params(refundId.toString(), paymentId.toString(), orderId.toString(), amountFen, reason,
                                Timestamp.from(clock.instant())).update();
            } catch (DuplicateKeyException alreadySent) {
                return;
            }
            // Inside the transaction: if the provider fails, the row goes too and the refund is tried again.
            provider.refund(paymentId, refundId, amountFen);
        });
    }

    private void flag(Payment payment, PaymentProvider.Notification n, String reason) {
        jdbc.sql("INSERT INTO payment_flag (id, payment_id, reason, expected_amount_fen, reported_amount_fen, provider_trade_no, flagged_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), payment.id().toString(), reason, payment.amountFen(), n.amountFen(),
                        n.tradeNo(), Timestamp.from(clock.instant())).update();
    }

    public record Flag(UUID id, UUID paymentId, String reason, long expectedAmountFen, long reportedAmountFen,
            String providerTradeNo, Instant flaggedAt) {
    }

    public List<Flag> flags(int limit) {
        return jdbc.sql("SELECT id, payment_id, reason, expected_amount_fen, reported_amount_fen, provider_trade_no, flagged_at FROM payment_flag ORDER BY flagged_at DESC LIMIT ?")
                .param(limit)
                .query((rs, i) -> new Flag(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
                        rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    private String payUrl(UUID paymentId) {
        return provider instanceof SandboxWallet ? "/api/payments/" + paymentId + "/sandbox/pay" : null;
    }

    public static class AmountMismatch extends RuntimeException {
        AmountMismatch(String message) {
            super(message);
        }
    }

    public static class OrderNotPayable extends RuntimeException {
        OrderNotPayable(UUID orderId, OrderStatus status) {
            super("Order " + orderId + " is " + status + " and cannot be paid.");
        }
    }

    public static class PaymentNotFound extends RuntimeException {
        PaymentNotFound(UUID paymentId) {
            super("There is no payment " + paymentId + ".");
        }
    }
}
