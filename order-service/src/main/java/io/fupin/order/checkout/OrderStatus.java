package io.fupin.order.checkout;

public enum OrderStatus {
    PENDING_PAYMENT, PAID, SHIPPED, DELIVERED, COMPLETED, CANCELLED
}
