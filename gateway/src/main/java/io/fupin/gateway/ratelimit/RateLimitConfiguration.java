package io.fupin.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    TokenBuckets tokenBuckets(ApplicationContext context, RateLimitProperties properties) {
        return new FallbackTokenBuckets(new RedisTokenBuckets(context), new InMemoryTokenBuckets(),
                properties.redisTimeout(), properties.redisPause(), Clock.systemUTC());
    }

    /**
     * Connects to Redis before the first request needs it, so that no request pays for connecting. Redis
     * being away is no reason not to start: the in-memory buckets cover until it answers.
     */
    @Bean
    ApplicationRunner redisWarmUp(ReactiveStringRedisTemplate redis) {
        return arguments -> Mono.fromCallable(() -> redis.getConnectionFactory().getReactiveConnection())
                .flatMap(connection -> connection.ping().doFinally(signal -> connection.closeLater().subscribe()))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(Duration.ofSeconds(5))
                .doOnNext(pong -> log.info("Rate limits in Redis"))
                .onErrorResume(failure -> {
                    log.warn("Redis does not answer ({}); rate limits in memory until it does", failure.toString());
                    return Mono.empty();
                })
                .block();
    }

    @Bean
    CallerRateLimitGatewayFilterFactory callerRateLimitGatewayFilterFactory(TokenBuckets buckets,
            RateLimitProperties properties) {
        return new CallerRateLimitGatewayFilterFactory(buckets, new CallerKeys(properties.trustedProxies()));
    }
}
