package io.fupin.web.checkout;

import io.fupin.web.orders.Order;

/**
 * The checkout form. {@code attempt} is the Idempotency-Key of this attempt: it is rendered into the form, so a
 * double click (or a resent form) sends the same key twice and places one order.
 */
public record CheckoutForm(String attempt, String name, String mobile, String address, String buyerKind,
        String organisationName) {

    static CheckoutForm blank(String attempt) {
        return new CheckoutForm(attempt, "", "", "", "INDIVIDUAL", "");
    }

    CheckoutForm deliveringTo(Order.Delivery delivery) {
        return new CheckoutForm(attempt, delivery.name(), delivery.mobile(), delivery.address(), buyerKind,
                organisationName);
    }

    CheckoutForm nextAttempt(String key) {
        return new CheckoutForm(key, name, mobile, address, buyerKind, organisationName);
    }

    public boolean organisation() {
        return "ORGANISATION".equals(buyerKind);
    }
}
