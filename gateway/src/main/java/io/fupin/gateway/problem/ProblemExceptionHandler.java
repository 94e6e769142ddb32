package io.fupin.gateway.problem;

import io.fupin.support.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers every failure that reaches the web handler as problem+json (Boot's default would be its own
 * error JSON). Runs before Boot's handler, which stays as the last resort. 5xx answers say nothing internal.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpStatus status = Problems.statusOf(failure);
        if (status.is5xxServerError() && status != HttpStatus.SERVICE_UNAVAILABLE && status != HttpStatus.GATEWAY_TIMEOUT) {
            log.error("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        }
        return Problems.write(exchange, problemFor(status, failure, exchange));
    }

    private static ProblemDetail problemFor(HttpStatus status, Throwable failure, ServerWebExchange exchange) {
        return switch (status) {
            case NOT_FOUND -> ProblemType.NOT_FOUND.problem(
                    "Nothing is served at " + exchange.getRequest().getPath().value() + ".");
            case METHOD_NOT_ALLOWED -> ProblemType.METHOD_NOT_ALLOWED.problem(
                    "The method " + exchange.getRequest().getMethod() + " is not allowed here.");
            case CONTENT_TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE.problem("The request body is too large.");
            case UNSUPPORTED_MEDIA_TYPE -> ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(reasonOr(failure,
                    "The request body's content type is not supported here."));
            case SERVICE_UNAVAILABLE -> ProblemType.SERVICE_UNAVAILABLE.problem(
                    "The service behind this path is unavailable; try again shortly.");
            case GATEWAY_TIMEOUT -> ProblemType.GATEWAY_TIMEOUT.problem(
                    "The service behind this path did not answer in time.");
            default -> status.is4xxClientError()
                    ? (status == HttpStatus.BAD_REQUEST ? ProblemType.INVALID_REQUEST : ProblemType.CLIENT_ERROR)
                            .problem(status, reasonOr(failure, "The request cannot be served."))
                    : ProblemType.INTERNAL_ERROR.problem(
                            "Something went wrong in the gateway; nothing was forwarded by this request.");
        };
    }

    private static String reasonOr(Throwable failure, String fallback) {
        if (failure instanceof ResponseStatusException rse && rse.getReason() != null) {
            return rse.getReason();
        }
        return fallback;
    }
}
