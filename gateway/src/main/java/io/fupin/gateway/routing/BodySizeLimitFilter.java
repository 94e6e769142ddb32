package io.fupin.gateway.routing;

import io.fupin.gateway.problem.Problems;
import io.fupin.support.problem.ProblemType;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies larger than the route's {@value #MAX_BODY_SIZE} metadata with 413. A declared
 * {@code Content-Length} is refused before anything is read; a chunked body is counted while it streams.
 * A global filter, and an early one, because routes with a circuit breaker buffer the whole body (to
 * replay it to the fallback) before any route filter runs.
 */
@Component
class BodySizeLimitFilter implements GlobalFilter, Ordered {

    static final String MAX_BODY_SIZE = "fupin.max-body-size";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !(route.getMetadata().get(MAX_BODY_SIZE) instanceof Number limitValue)) {
            return chain.filter(exchange);
        }
        long limit = limitValue.longValue();
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return Problems.write(exchange, ProblemType.PAYLOAD_TOO_LARGE, tooLarge(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().doOnNext(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLarge(limit));
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private static String tooLarge(long limit) {
        return "The request body is larger than the " + DataSize.ofBytes(limit).toKilobytes() + " KB allowed here.";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
