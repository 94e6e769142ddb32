package io.fupin.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Redis first; when it fails or does not answer within {@code timeout}, the in-memory buckets, and Redis is
 * left alone for {@code pause} so that a dead Redis does not cost every request a timeout.
 */
class FallbackTokenBuckets implements TokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(FallbackTokenBuckets.class);

    private final TokenBuckets primary;
    private final TokenBuckets fallback;
    private final Duration timeout;
    private final Duration pause;
    private final Clock clock;
    private volatile Instant primaryPausedUntil = Instant.MIN;

    FallbackTokenBuckets(TokenBuckets primary, TokenBuckets fallback, Duration timeout, Duration pause, Clock clock) {
        this.primary = primary;
        this.fallback = fallback;
        this.timeout = timeout;
        this.pause = pause;
        this.clock = clock;
    }

    @Override
    public Mono<RateDecision> take(String routeId, String callerKey, RateLimit limit) {
        if (clock.instant().isBefore(primaryPausedUntil)) {
            return fallback.take(routeId, callerKey, limit);
        }
        return primary.take(routeId, callerKey, limit)
                .timeout(timeout)
                .doOnNext(decision -> recovered())
                .onErrorResume(failure -> {
                    paused(failure);
                    return fallback.take(routeId, callerKey, limit);
                });
    }

    boolean usingFallback() {
        return clock.instant().isBefore(primaryPausedUntil);
    }

    private void paused(Throwable failure) {
        if (!usingFallback()) {
            log.warn("Rate limiting in memory for {}: Redis failed ({})", pause, failure.toString());
        }
        primaryPausedUntil = clock.instant().plus(pause);
    }

    private void recovered() {
        if (primaryPausedUntil != Instant.MIN) {
            log.info("Rate limiting in Redis again");
            primaryPausedUntil = Instant.MIN;
        }
    }
}
