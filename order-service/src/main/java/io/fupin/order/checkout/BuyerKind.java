package io.fupin.order.checkout;

/** An individual, or an organisation buying instead of donating (以购代捐). */
public enum BuyerKind {
    INDIVIDUAL, ORGANISATION
}
