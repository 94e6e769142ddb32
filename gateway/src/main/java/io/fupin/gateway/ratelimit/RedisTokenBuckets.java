package io.fupin.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Token buckets in Redis through the gateway's own {@link RedisRateLimiter} (its atomic Lua script), one
 * limiter per distinct limit. The limiter lets requests through when Redis fails and reports that with
 * remaining tokens of -1; that is turned back into an error here so that the fallback can take over.
 */
class RedisTokenBuckets implements TokenBuckets {

    static final String UNKNOWN_REMAINING = "-1";

    private final ApplicationContext context;
    private final Map<RateLimit, RedisRateLimiter> limiters = new ConcurrentHashMap<>();
    /** Whether Redis answered the last call: then its connection is open and a call does not block. */
    private volatile boolean connected;

    RedisTokenBuckets(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Mono<RateDecision> take(String routeId, String callerKey, RateLimit limit) {
        Mono<RateDecision> decided = Mono.defer(() -> limiterFor(limit).isAllowed(routeId, callerKey))
                .flatMap(this::decision)
                // A failure, or no answer before the caller's timeout cancels the call: reconnecting may block.
                .doOnError(failure -> connected = false)
                .doOnCancel(() -> connected = false);
        // Spring Data Redis connects its shared connection synchronously when it has none (at first use,
        // after Redis was away). That must not stall a Netty event loop, and the caller's timeout must be
        // able to fire meanwhile: so until Redis has answered, and again after it failed, the call starts on a
        // thread that may block. Once it answers, the connection is there and the call starts where it is:
        // a hand-off to another thread and back for every request cost more than the script itself.
        return connected ? decided : decided.subscribeOn(Schedulers.boundedElastic());
    }

    boolean connected() {
        return connected;
    }

    private Mono<RateDecision> decision(RateLimiter.Response response) {
        String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
        if (remaining == null || UNKNOWN_REMAINING.equals(remaining)) {
            return Mono.error(new RedisUnavailable());
        }
        connected = true;
        return Mono.just(new RateDecision(response.isAllowed(), Long.parseLong(remaining)));
    }

    private RedisRateLimiter limiterFor(RateLimit limit) {
        return limiters.computeIfAbsent(limit, l -> {
            RedisRateLimiter limiter = new RedisRateLimiter(l.replenishRate(), l.burstCapacity(), l.requestedTokens());
            limiter.setApplicationContext(context);
            return limiter;
        });
    }

    static final class RedisUnavailable extends RuntimeException {
        RedisUnavailable() {
            super("Redis did not answer the rate limiter", null, false, false);
        }
    }
}
