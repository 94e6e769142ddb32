package io.fupin.gateway.routing;

import io.fupin.gateway.problem.Problems;
import io.fupin.support.problem.ProblemType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses an over-long request target with 414 and too many or too large headers with 431, as problem+json,
 * before security or routing look at the request. Netty's decoder would refuse them itself, but with an empty
 * body, so its limits are set well above these (application.yml) and the refusal happens here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLimitsFilter implements WebFilter {

    /** How much of the path a refusal names as its instance; the rest is what was too long. */
    private static final int INSTANCE_LENGTH = 200;

    private final long maxUriLength;
    private final long maxHeaderSize;
    private final int maxHeaderCount;

    RequestLimitsFilter(RequestLimitsProperties limits) {
        this.maxUriLength = limits.maxUriLength().toBytes();
        this.maxHeaderSize = limits.maxHeaderSize().toBytes();
        this.maxHeaderCount = limits.maxHeaderCount();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        URI uri = request.getURI();
        long uriLength = uri.getRawPath().length() + (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length() + 1);
        if (uriLength > maxUriLength) {
            return refuse(exchange, ProblemType.URI_TOO_LONG.problem("The path and query are " + uriLength
                    + " bytes long; at most " + maxUriLength + " are accepted."));
        }
        HttpHeaders headers = request.getHeaders();
        int count = 0;
        long size = 0;
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            for (String value : header.getValue()) {
                count++;
                size += header.getKey().length() + value.length() + 4; // ": " and CRLF
            }
        }
        if (count > maxHeaderCount) {
            return refuse(exchange, ProblemType.HEADERS_TOO_LARGE.problem("The request has " + count
                    + " header lines; at most " + maxHeaderCount + " are accepted."));
        }
        if (size > maxHeaderSize) {
            return refuse(exchange, ProblemType.HEADERS_TOO_LARGE.problem("The request's headers are " + size
                    + " bytes in all; at most " + maxHeaderSize + " are accepted."));
        }
        return chain.filter(exchange);
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, ProblemDetail problem) {
        problem.setInstance(URI.create(shortened(exchange.getRequest().getURI().getRawPath())));
        return Problems.write(exchange, problem);
    }

    /** The path up to a segment boundary within {@value #INSTANCE_LENGTH} characters, never cutting an escape. */
    private static String shortened(String path) {
        if (path.length() <= INSTANCE_LENGTH) {
            return path;
        }
        int cut = path.lastIndexOf('/', INSTANCE_LENGTH);
        return cut <= 0 ? "/" : path.substring(0, cut + 1);
    }
}
