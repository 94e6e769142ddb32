package io.fupin.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.gateway.GatewayIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;

/** The test configuration's route {@code rate-probe} allows each caller one request per 3 seconds. */
class RateLimitIntegrationTests extends GatewayIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void refusesWith429AndRetryAfterThenLetsThroughAgain() {
        String user = "rate-" + UUID.randomUUID();
        String token = issuer.issue(user, List.of("CONSUMER"), null, Instant.now(), Duration.ofMinutes(5)).value();

        probe(token).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "0");
        int before = receivedByAnyBackend();
        var refused = probe(token);
        refused.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "3");
        expectProblem(refused, 429, "too-many-requests");
        assertThat(receivedByAnyBackend()).as("a refused request reached a service").isEqualTo(before);

        // The bucket is in Redis, shared by every gateway instance, not in this one's memory.
        assertThat(redis.hasKey("request_rate_limiter.{rate-probe.user:" + user + "}.tokens").block()).isTrue();

        // Refused requests take no token, so asking again until one passes measures the refill, not the probing.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> probe(token).expectStatus().isOk());
    }

    @Test
    void givesEachCallerItsOwnBucket() {
        String first = issuer.issue("rate-" + UUID.randomUUID(), List.of("CONSUMER"), null, Instant.now(), Duration.ofMinutes(5)).value();
        String second = issuer.issue("rate-" + UUID.randomUUID(), List.of("CONSUMER"), null, Instant.now(), Duration.ofMinutes(5)).value();
        probe(first).expectStatus().isOk();
        probe(first).expectStatus().isEqualTo(429);

        probe(second).expectStatus().isOk();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec probe(String token) {
        return client.get().uri("/api/rate-probe/anything").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
    }
}
