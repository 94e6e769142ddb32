package io.fupin.order.checkout;

/** Where the sale happened; every channel settles the same way. */
public enum Channel {
    ONLINE, LIVESTREAM, SUPERMARKET, SPECIALTY_STORE, WHOLESALE_MARKET
}
