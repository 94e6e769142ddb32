package io.fupin.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    TokenBuckets tokenBuckets(ApplicationContext context, RateLimitProperties properties) {
        return new FallbackTokenBuckets(new LeasedTokenBuckets(new RedisTokenBuckets(context)), new InMemoryTokenBuckets(),
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

    /**
     * Spring Cloud Gateway's rate-limit script, read once. Its bean reads the Lua file through a
     * {@code ResourceScriptSource}, and the script's SHA-1 is taken under a lock after asking that source whether the
     * file changed, which looks up the file's modification time inside the jar: on every request, 3 to 9 % of the
     * gateway's CPU under load. The file cannot change inside a running jar.
     */
    @Bean
    static BeanPostProcessor rateLimitScriptReadOnce() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (RedisRateLimiter.REDIS_SCRIPT_NAME.equals(name) && bean instanceof RedisScript<?> script) {
                    return RedisScript.of(script.getScriptAsString(), script.getResultType());
                }
                return bean;
            }
        };
    }

    @Bean
    CallerRateLimitGatewayFilterFactory callerRateLimitGatewayFilterFactory(TokenBuckets buckets,
            RateLimitProperties properties) {
        return new CallerRateLimitGatewayFilterFactory(buckets, new CallerKeys(properties.trustedProxies()));
    }
}
