package io.fupin.gateway.ratelimit;

import io.fupin.gateway.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class FallbackTokenBucketsTests {

    private static final RateLimit LIMIT = new RateLimit(1, 1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger redisCalls = new AtomicInteger();
    private Mono<RateDecision> redisAnswer = Mono.just(new RateDecision(true, 42));

    private final TokenBuckets redis = (route, caller, limit) -> {
        redisCalls.incrementAndGet();
        return redisAnswer;
    };
    private final FallbackTokenBuckets buckets = new FallbackTokenBuckets(redis, new InMemoryTokenBuckets(),
            Duration.ofMillis(100), Duration.ofSeconds(10), clock);

    @Test
    void decidesInRedisWhileItAnswers() {
        assertThat(take()).isEqualTo(new RateDecision(true, 42));
        assertThat(buckets.usingFallback()).isFalse();
    }

    @Test
    void limitsInMemoryWhenRedisFails() {
        redisAnswer = Mono.error(new RedisTokenBuckets.RedisUnavailable());

        assertThat(take().allowed()).isTrue();
        assertThat(take().allowed()).as("the in-memory bucket of 1 is empty").isFalse();
        assertThat(buckets.usingFallback()).isTrue();
    }

    @Test
    void limitsInMemoryWhenRedisDoesNotAnswerInTime() {
        redisAnswer = Mono.never();

        assertThat(take()).isEqualTo(new RateDecision(true, 0));
        assertThat(buckets.usingFallback()).isTrue();
    }

    @Test
    void leavesRedisAloneDuringThePauseThenTriesAgain() {
        redisAnswer = Mono.error(new RedisTokenBuckets.RedisUnavailable());
        take();
        redisAnswer = Mono.just(new RateDecision(true, 42));

        clock.advance(Duration.ofSeconds(9));
        take();
        assertThat(redisCalls).hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(take()).isEqualTo(new RateDecision(true, 42));
        assertThat(redisCalls).hasValue(2);
        assertThat(buckets.usingFallback()).isFalse();
    }

    private RateDecision take() {
        return buckets.take("orders", "user:a", LIMIT).block(Duration.ofSeconds(5));
    }
}
