package io.fupin.support.identity;

import java.util.List;

/**
 * The headers in which the gateway passes the caller's identity to the services.
 * The gateway removes any a client sent before it sets its own.
 */
public final class IdentityHeaders {

    public static final String USER_ID = "X-Fupin-User-Id";
    public static final String ROLES = "X-Fupin-Roles";
    public static final String SELLER_ID = "X-Fupin-Seller-Id";
    public static final String TIMESTAMP = "X-Fupin-Identity-Timestamp";
    public static final String SIGNATURE = "X-Fupin-Identity-Signature";

    public static final List<String> ALL = List.of(USER_ID, ROLES, SELLER_ID, TIMESTAMP, SIGNATURE);

    private IdentityHeaders() {
    }
}
