package io.fupin.gateway.routing;

import io.fupin.gateway.problem.Problems;
import io.fupin.support.problem.ProblemType;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards a failed call: 503 naming the service (or 504 when it was too
 * slow), instead of a connection error. Requests that did not come through a breaker find nothing here.
 */
@Hidden
@RestController
class FallbackController {

    private final CircuitBreakerProperties breakers;

    FallbackController(CircuitBreakerProperties breakers) {
        this.breakers = breakers;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        ProblemDetail problem;
        if (failure instanceof ResponseStatusException rse && rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
            problem = ProblemType.GATEWAY_TIMEOUT.problem(service + " did not answer in time.");
            problem.setProperty("service", service);
            return Problems.write(exchange, problem);
        }
        problem = ProblemType.SERVICE_UNAVAILABLE.problem(
                failure instanceof CallNotPermittedException
                        ? service + " is failing; calls to it are paused for a moment."
                        : service + " is unavailable; try again shortly.");
        problem.setProperty("service", service);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, breakers.waitInOpenState().toSeconds())));
        return Problems.write(exchange, problem);
    }
}
