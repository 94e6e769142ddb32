package io.fupin.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.ResourceScriptSource;
import reactor.test.StepVerifier;

/** The gateway's RedisRateLimiter as this module uses it, against the real Redis and against none. */
class RedisTokenBucketsIntegrationTests {

    private LettuceConnectionFactory connections;
    private GenericApplicationContext context;

    @AfterEach
    void close() {
        context.close();
        connections.destroy();
    }

    @Test
    void countsDownInRedis() {
        RedisTokenBuckets buckets = bucketsOn(6379);
        String caller = "user:" + UUID.randomUUID();
        // Each request takes 30 of 60 tokens and one comes back a second, so a slow machine that
        // pauses between calls still sees the bucket count down instead of refilling it.
        RateLimit limit = new RateLimit(1, 60, 30);
        assertThat(buckets.connected()).as("connected before Redis answered").isFalse();

        assertThat(buckets.take("redis-test", caller, limit).block()).isEqualTo(new RateDecision(true, 30));
        assertThat(buckets.connected()).as("connected once Redis answered").isTrue();
        RateDecision second = buckets.take("redis-test", caller, limit).block();
        assertThat(second.allowed()).isTrue();
        assertThat(second.remaining()).isLessThan(30);
        assertThat(buckets.take("redis-test", caller, limit).block().allowed()).isFalse();
    }

    @Test
    void reportsAnUnreachableRedisAsAnErrorInsteadOfLettingEverythingThrough() {
        RedisTokenBuckets buckets = bucketsOn(1);

        StepVerifier.create(buckets.take("redis-test", "user:x", new RateLimit(1, 1)))
                .expectError(RedisTokenBuckets.RedisUnavailable.class)
                .verify(Duration.ofSeconds(10));
        assertThat(buckets.connected()).isFalse();
    }

    @Test
    void startsCallsOnAThreadThatMayBlockUntilRedisAnswersAndAfterACallWasAbandoned() {
        RedisTokenBuckets buckets = bucketsOn(6379);
        RateLimit limit = new RateLimit(1000, 1000);
        buckets.take("redis-test", "user:" + UUID.randomUUID(), limit).block();
        assertThat(buckets.connected()).isTrue();

        // The caller's timeout gave up on the call: the next ones start on a worker thread again until Redis answers.
        StepVerifier.create(buckets.take("redis-test", "user:" + UUID.randomUUID(), limit), 0)
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        assertThat(buckets.connected()).isFalse();
        assertThat(buckets.take("redis-test", "user:" + UUID.randomUUID(), limit).block().allowed()).isTrue();
        assertThat(buckets.connected()).isTrue();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private RedisTokenBuckets bucketsOn(int port) {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
        connections.afterPropertiesSet();
        connections.start();
        DefaultRedisScript script = new DefaultRedisScript<>();
        script.setScriptSource(new ResourceScriptSource(new ClassPathResource("META-INF/scripts/request_rate_limiter.lua")));
        script.setResultType(List.class);
        context = new GenericApplicationContext();
        context.registerBean(ReactiveStringRedisTemplate.class, () -> new ReactiveStringRedisTemplate(connections));
        context.registerBean("redisRequestRateLimiterScript", RedisScript.class, () -> script);
        context.refresh();
        return new RedisTokenBuckets(context);
    }
}
