package io.fupin.order.payment;

import io.fupin.support.identity.Caller;

/** Who may do what with payments and refunds: each rule written once, here. */
final class PaymentAccess {

    private PaymentAccess() {
    }

    /** Paying an order: its buyer only. */
    static boolean isBuyer(Caller caller, String buyerId) {
        return caller.hasRole("CONSUMER") && buyerId.equals(caller.userId());
    }

    /** Reading a payment: its buyer, and ADMIN. */
    static boolean mayReadPayment(Caller caller, String buyerId) {
        return caller.hasRole("ADMIN") || buyerId.equals(caller.userId());
    }

    /** Starting a payment. */
    static void requirePayer(Caller caller) {
        caller.requireAnyRole("CONSUMER");
    }

    /** Paying in the sandbox wallet: the buyer, or ADMIN for demonstrations. */
    static void requireSandboxPayer(Caller caller) {
        caller.requireAnyRole("CONSUMER", "ADMIN");
    }

    /** Refused callbacks, refunds owed and provider statements are the clerks' to watch. */
    static void requireMoneyReviewer(Caller caller) {
        caller.requireAnyRole("CLERK", "ADMIN");
    }
}
