package io.fupin.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Token buckets in this instance's memory: the fallback while Redis does not answer. Each gateway instance
 * counts on its own then, so with n instances a caller gets up to n times the limit; better than no limit,
 * and better than refusing everyone.
 */
public class InMemoryTokenBuckets implements TokenBuckets {

    private static final int SWEEP_EVERY = 1024;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final AtomicLong takes = new AtomicLong();

    public InMemoryTokenBuckets() {
        this(System::nanoTime);
    }

    InMemoryTokenBuckets(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public Mono<RateDecision> take(String routeId, String callerKey, RateLimit limit) {
        return Mono.fromSupplier(() -> takeNow(routeId + "." + callerKey, limit));
    }

    RateDecision takeNow(String key, RateLimit limit) {
        long now = nanoClock.getAsLong();
        if (takes.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(limit, now)).take(limit, now);
    }

    int size() {
        return buckets.size();
    }

    /**
     * Forgets buckets that have been idle long enough to be full again: a fresh bucket behaves the same,
     * and the map does not grow with every client address ever seen.
     */
    private void sweep(long now) {
        buckets.entrySet().removeIf(entry -> entry.getValue().isFullAt(now));
    }

    private static final class Bucket {

        private final double capacity;
        private final double perNano;
        private double tokens;
        private long updatedAt;

        Bucket(RateLimit limit, long now) {
            this.capacity = limit.burstCapacity();
            this.perNano = limit.replenishRate() / (double) TimeUnit.SECONDS.toNanos(1);
            this.tokens = capacity;
            this.updatedAt = now;
        }

        synchronized RateDecision take(RateLimit limit, long now) {
            refill(now);
            if (tokens >= limit.requestedTokens()) {
                tokens -= limit.requestedTokens();
                return new RateDecision(true, (long) tokens);
            }
            return new RateDecision(false, (long) tokens);
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = Math.max(0, now - updatedAt);
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            updatedAt = now;
        }
    }
}
