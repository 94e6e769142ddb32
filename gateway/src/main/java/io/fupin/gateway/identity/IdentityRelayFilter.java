package io.fupin.gateway.identity;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentityHeaders;
import io.fupin.support.identity.IdentitySignature;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Services trust the identity headers because only the gateway can sign them. So every header of
 * {@link IdentityHeaders#ALL} a client sent is dropped, whatever its case, and the gateway's own signed set
 * (anonymous visitors included) is put in its place.
 *
 * <p>Ordered after the route filters (circuit breaker, retry) so that every retry re-signs with a fresh
 * timestamp, and before load balancing and the proxying itself.
 */
@Component
class IdentityRelayFilter implements GlobalFilter, Ordered {

    static final int ORDER = ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER - 50;

    private final IdentitySignature signature;

    IdentityRelayFilter(IdentitySignature signature) {
        this.signature = signature;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Caller caller = CallerAttribute.of(exchange);
        Map<String, String> signed = signature.headersFor(caller);
        ServerWebExchange relayed = exchange.mutate()
                .request(request -> request.headers(headers -> {
                    IdentityHeaders.ALL.forEach(headers::remove);
                    signed.forEach(headers::set);
                }))
                .build();
        return chain.filter(relayed);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
