package io.fupin.order.checkout;

/** pending payment → paid → shipped → delivered → completed; cancelled from pending payment or paid. */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, SHIPPED, DELIVERED, COMPLETED, CANCELLED
}
