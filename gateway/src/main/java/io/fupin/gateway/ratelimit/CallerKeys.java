package io.fupin.gateway.ratelimit;

import io.fupin.gateway.identity.CallerAttribute;
import io.fupin.support.identity.Caller;
import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Whose bucket a request draws from: the user's when signed in, else the client address's. Behind proxies
 * only the address the nearest trusted proxy saw counts; addresses a client writes itself are ignored.
 */
class CallerKeys {

    private final RemoteAddressResolver addresses;

    CallerKeys(int trustedProxies) {
        this.addresses = trustedProxies > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedProxies)
                : new RemoteAddressResolver() { };
    }

    String keyFor(ServerWebExchange exchange) {
        Caller caller = CallerAttribute.of(exchange);
        if (!caller.isAnonymous()) {
            return "user:" + caller.userId();
        }
        InetSocketAddress address = addresses.resolve(exchange);
        if (address == null) {
            return "ip:unknown";
        }
        return "ip:" + (address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress());
    }
}
