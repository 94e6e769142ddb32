package io.fupin.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param redisTimeout   how long a rate-limit decision may wait for Redis before the in-memory buckets decide
 * @param redisPause     how long to stay in memory after Redis failed before asking it again
 * @param trustedProxies how many proxies in front of the gateway append to {@code X-Forwarded-For}; 0 means
 *                       clients connect directly and their socket address identifies them
 */
@ConfigurationProperties("fupin.gateway.rate-limit")
public record RateLimitProperties(Duration redisTimeout, Duration redisPause, int trustedProxies) {

    public RateLimitProperties {
        redisTimeout = redisTimeout == null ? Duration.ofMillis(250) : redisTimeout;
        redisPause = redisPause == null ? Duration.ofSeconds(10) : redisPause;
    }
}
