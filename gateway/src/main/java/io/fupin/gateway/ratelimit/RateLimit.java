package io.fupin.gateway.ratelimit;

import java.time.Duration;

/**
 * A token bucket: refilled with {@code replenishRate} tokens a second up to {@code burstCapacity};
 * each request takes {@code requestedTokens}.
 */
public record RateLimit(int replenishRate, int burstCapacity, int requestedTokens) {

    public RateLimit {
        if (replenishRate < 1 || burstCapacity < replenishRate || requestedTokens < 1 || requestedTokens > burstCapacity) {
            throw new IllegalArgumentException("Need 1 <= replenishRate <= burstCapacity and 1 <= requestedTokens <= burstCapacity, got "
                    + replenishRate + "/" + burstCapacity + "/" + requestedTokens);
        }
    }

    public RateLimit(int replenishRate, int burstCapacity) {
        this(replenishRate, burstCapacity, 1);
    }

    /** How long a refused caller should wait before the bucket holds a request's tokens again. */
    public Duration retryAfter() {
        long seconds = (requestedTokens + replenishRate - 1) / replenishRate;
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
