package io.fupin.gateway.observability;

import io.fupin.gateway.identity.CallerAttribute;
import io.fupin.gateway.problem.Problems;
import io.fupin.support.identity.Caller;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Logs every request once it is done, on logger {@value #LOGGER}:
 * {@code trace=… user=… route=… method=… path=… status=… latency_ms=…}. First of all web filters, so that
 * requests security turns away are logged too. A failure still travelling to the exception handler is
 * logged with the status that handler will answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessLogFilter implements WebFilter {

    static final String LOGGER = "io.fupin.gateway.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        return chain.filter(exchange)
                .doOnError(failure -> write(exchange, started, Problems.statusOf(failure).value()))
                .doFinally(signal -> {
                    if (signal == SignalType.ON_COMPLETE) {
                        HttpStatusCode status = exchange.getResponse().getStatusCode();
                        write(exchange, started, status == null ? 200 : status.value());
                    } else if (signal == SignalType.CANCEL) {
                        // The client went away; 499 as nginx calls it.
                        write(exchange, started, 499);
                    }
                });
    }

    private void write(ServerWebExchange exchange, long started, int status) {
        if (!log.isInfoEnabled()) {
            return;
        }
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Caller caller = CallerAttribute.ifKnown(exchange);
        log.info("trace={} user={} route={} method={} path={} status={} latency_ms={}",
                traceId(exchange),
                caller == null ? "-" : caller.userId(),
                route == null ? "-" : route.getId(),
                exchange.getRequest().getMethod().name(),
                exchange.getRequest().getPath().value(),
                status,
                latencyMs);
    }

    private static String traceId(ServerWebExchange exchange) {
        return TraceContextRelay.serverSpan(exchange)
                .map(span -> span.context().traceId())
                .filter(id -> !id.isEmpty())
                .orElse("-");
    }
}
