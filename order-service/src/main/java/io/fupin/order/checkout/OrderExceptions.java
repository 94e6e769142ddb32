package io.fupin.order.checkout;

import java.util.UUID;

/** What the order lifecycle refuses; HTTP answers are chosen in the web layer. */
public final class OrderExceptions {

    private OrderExceptions() {
    }

    /** The order is not in a state that allows this step (answered 409). */
    public static class IllegalTransition extends RuntimeException {
        public IllegalTransition(UUID orderId, OrderStatus status, String step) {
            super("Order " + orderId + " is " + status + " and cannot be " + step + ".");
        }
    }

    /** A presale line may be shipped only from its delivery date. */
    public static class PresaleNotDue extends RuntimeException {
        public PresaleNotDue(UUID orderId, java.time.LocalDate date) {
            super("Order " + orderId + " holds presale goods that may be shipped from " + date + " only.");
        }
    }

    /** A refund cannot be made as asked (too many units, several sellers, already decided ...). */
    public static class RefundRefused extends RuntimeException {
        public RefundRefused(String message) {
            super(message);
        }
    }
}
