package io.fupin.gateway.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * One breaker per route, all configured alike. A breaker counts failed calls (connection failures,
 * timeouts), not error answers: a service's own 4xx or 5xx passes through.
 *
 * @param slidingWindowSize       how many of the last calls are judged
 * @param minimumNumberOfCalls    how many calls are needed before the breaker judges at all
 * @param failureRateThreshold    percentage of failed calls that opens the breaker
 * @param waitInOpenState         how long an open breaker answers 503 at once before it tries again
 * @param permittedCallsInHalfOpenState trial calls that decide whether it closes again
 */
@ConfigurationProperties("fupin.gateway.circuit-breaker")
public record CircuitBreakerProperties(Integer slidingWindowSize, Integer minimumNumberOfCalls,
        Float failureRateThreshold, Duration waitInOpenState, Integer permittedCallsInHalfOpenState) {

    public CircuitBreakerProperties {
        slidingWindowSize = slidingWindowSize == null ? 20 : slidingWindowSize;
        minimumNumberOfCalls = minimumNumberOfCalls == null ? 10 : minimumNumberOfCalls;
        failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
        waitInOpenState = waitInOpenState == null ? Duration.ofSeconds(10) : waitInOpenState;
        permittedCallsInHalfOpenState = permittedCallsInHalfOpenState == null ? 3 : permittedCallsInHalfOpenState;
    }
}
