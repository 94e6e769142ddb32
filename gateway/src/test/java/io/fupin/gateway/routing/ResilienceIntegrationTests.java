package io.fupin.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.gateway.GatewayIntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Breakers and retries with fake services stopped and started again on the same port. The test
 * configuration's breakers judge the last 4 calls, open at 50 % failures and wait 2 s before trying again.
 */
class ResilienceIntegrationTests extends GatewayIntegrationTest {

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void opensWhileTheServiceIsDownAndClosesWhenItIsBack() {
        String token = tokenOf("clerk");
        SETTLEMENTS.stop();
        try {
            for (int i = 0; i < 4; i++) {
                settlements(token).expectStatus().isEqualTo(503)
                        .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.type").isEqualTo("https://fupin.market/problems/service-unavailable")
                        .jsonPath("$.service").isEqualTo("settlement-service")
                        .jsonPath("$.instance").isEqualTo("/api/settlements/periods")
                        .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("settlement-service"));
            }
            assertThat(breakers.circuitBreaker("settlements").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        } finally {
            SETTLEMENTS.start();
        }

        // Back, but the breaker is still open: answered at once, nothing reaches the service.
        int before = SETTLEMENTS.received().size();
        expectProblem(settlements(token), 503, "service-unavailable");
        assertThat(SETTLEMENTS.received()).hasSize(before);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                settlements(token).expectStatus().isOk());
        assertThat(breakers.circuitBreaker("settlements").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(SETTLEMENTS.received()).hasSizeGreaterThan(before);
    }

    @Test
    void keepsOtherRoutesOpenWhileOneServiceFails() {
        assertThat(breakers.circuitBreaker("orders").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        client.get().uri("/api/orders/1").header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("consumer")))
                .exchange().expectStatus().isOk();
    }

    @Test
    void retriesAReadOnTheOtherInstanceWhenOneIsDown() {
        CATALOG_B.stop();
        try {
            for (int i = 0; i < 4; i++) {
                client.get().uri("/api/catalog/products?retry=" + i).exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.service").isEqualTo("catalog-service-a");
            }
        } finally {
            CATALOG_B.start();
        }
        assertThat(breakers.circuitBreaker("catalog").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void neverRetriesAWrite() {
        String token = tokenOf("seller");
        String marker = UUID.randomUUID().toString();
        CATALOG_B.stop();
        List<Integer> statuses = new ArrayList<>();
        try {
            // Round robin over two instances: one of two consecutive writes meets the stopped one.
            for (int i = 0; i < 2; i++) {
                statuses.add(client.post().uri("/api/catalog/products?write=" + marker)
                        .header(HttpHeaders.AUTHORIZATION, bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                        .exchange().returnResult(Void.class).getStatus().value());
            }
        } finally {
            CATALOG_B.start();
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 503);
        assertThat(CATALOG_A.received()).filteredOn(r -> r.path().contains(marker)).hasSize(1);
    }

    private WebTestClient.ResponseSpec settlements(String token) {
        return client.get().uri("/api/settlements/periods").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
    }
}
