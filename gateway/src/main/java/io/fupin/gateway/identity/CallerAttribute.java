package io.fupin.gateway.identity;

import io.fupin.support.identity.Caller;
import org.springframework.web.server.ServerWebExchange;

/**
 * The caller of an exchange, decided once by security and read by the identity relay, the rate limiter
 * and the access log. Exchange attributes survive the mutations filters make, the security context does not.
 */
public final class CallerAttribute {

    private static final String NAME = CallerAttribute.class.getName();

    private CallerAttribute() {
    }

    public static void set(ServerWebExchange exchange, Caller caller) {
        exchange.getAttributes().put(NAME, caller);
    }

    /** The caller, or an anonymous one when security has not (yet) decided. */
    public static Caller of(ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(NAME);
        return caller == null ? Caller.anonymous() : caller;
    }

    /** The caller, or {@code null} when the request never got as far as authentication. */
    public static Caller ifKnown(ServerWebExchange exchange) {
        return exchange.getAttribute(NAME);
    }
}
