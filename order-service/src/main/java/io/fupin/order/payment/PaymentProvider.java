package io.fupin.order.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment provider as the Chinese wallets work: a payment is registered first, the buyer pays in the
 * provider's app, and the provider then calls back asynchronously with a signed notification (and retries
 * until it is acknowledged). A payment's status can be asked for, an unpaid one closed, money sent back, and
 * the provider's statement of a day fetched. One adapter per provider; the sandbox wallet exists only in the
 * {@code local} and {@code test} profiles.
 */
public interface PaymentProvider {

    String name();

    /** Registers a payment of exactly {@code amountFen}; the answer tells the client where to pay. */
    Registration register(UUID paymentId, UUID orderId, long amountFen, String description);

    /**
     * Checks a callback's signature and freshness, then reads it.
     *
     * @param headers request headers by lower-case name
     * @throws BadSignature when the signature headers are missing, or the signature does not match or is stale
     * @throws MalformedCallback when a correctly signed body cannot be read
     */
    Notification verify(Map<String, String> headers, byte[] body);

    /** What the provider knows of a payment now. */
    Notification query(UUID paymentId);

    /**
     * Closes a payment nobody paid, so that it can no longer be paid.
     *
     * @return what the provider knows of the payment afterwards: {@code CLOSED}, or {@code SUCCESS} when the
     *         buyer paid meanwhile
     */
    Notification close(UUID paymentId);

    /** Sends money back; idempotent by {@code refundId}. */
    void refund(UUID paymentId, UUID refundId, long amountFen);

    /** The provider's statement of one day (Asia/Shanghai): every payment it took that day. */
    List<StatementEntry> statement(LocalDate day);

    /** Where the buyer pays a registered payment, when the provider has such a page. */
    default Optional<String> payUrl(UUID paymentId) {
        return Optional.empty();
    }

    record Registration(String tradeNo, String payUrl) {
    }

    /**
     * A provider's word about a payment, with the amount it really took.
     *
     * @param status {@code SUCCESS}, {@code NOTPAY} (registered, not paid yet) or {@code CLOSED} (can no longer be paid)
     */
    record Notification(String notifyId, UUID paymentId, String tradeNo, String status, long amountFen, Instant paidAt) {

        public static final String SUCCESS = "SUCCESS";
        public static final String NOT_PAID = "NOTPAY";
        public static final String CLOSED = "CLOSED";

        public boolean succeeded() {
            return SUCCESS.equals(status);
        }

        public boolean closed() {
            return CLOSED.equals(status);
        }
    }

    /** One payment on a provider's daily statement, with what was refunded of it. */
    record StatementEntry(UUID paymentId, String tradeNo, long amountFen, long refundedFen, Instant paidAt) {
    }
}
