package io.fupin.order.payment;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A payment provider as the Chinese wallets work: a payment is registered first, the buyer pays in the
 * provider's app, and the provider then calls back asynchronously with a signed notification (and retries
 * until it is acknowledged). Refunds go back through the provider.
 */
public interface PaymentProvider {

    String name();

    /** Registers a payment of exactly {@code amountFen}; the answer tells the client where to pay. */
    Registration register(UUID paymentId, UUID orderId, long amountFen, String description);

    /**
     * Checks a callback's signature and freshness, then reads it.
     *
     * @param headers request headers by lower-case name
     * @throws MalformedCallback when signature headers or body are missing or unreadable
     * @throws BadSignature when the signature does not match or is stale
     */
    Notification verify(Map<String, String> headers, byte[] body);

    /** Sends money back; idempotent by {@code refundId}. */
    void refund(UUID paymentId, UUID refundId, long amountFen);

    record Registration(String tradeNo, String payUrl) {
    }

    /** A provider's word that a payment succeeded (or failed), with the amount it really took. */
    record Notification(String notifyId, UUID paymentId, String tradeNo, String status, long amountFen, Instant paidAt) {
        public boolean succeeded() {
            return "SUCCESS".equals(status);
        }
    }

    class BadSignature extends RuntimeException {
        public BadSignature(String message) {
            super(message);
        }
    }

    class MalformedCallback extends RuntimeException {
        public MalformedCallback(String message) {
            super(message);
        }
    }
}
