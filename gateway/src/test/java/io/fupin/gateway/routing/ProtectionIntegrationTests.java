package io.fupin.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.gateway.FakeBackend;
import io.fupin.gateway.GatewayIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Body and header limits, and CORS for the web UI. */
class ProtectionIntegrationTests extends GatewayIntegrationTest {

    private static final int MB = 1024 * 1024;

    @Test
    void refusesABodyOverTheLimitBeforeReadingIt() {
        int before = receivedByAnyBackend();
        expectProblem(client.post().uri("/api/catalog/products")
                .header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("seller")))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[MB + 1])
                .exchange(), 413, "payload-too-large");
        assertThat(receivedByAnyBackend()).isEqualTo(before);
    }

    @Test
    void refusesAChunkedBodyThatGrowsOverTheLimit() {
        int before = receivedByAnyBackend();
        Flux<DataBuffer> chunks = Flux.range(0, 20).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[128 * 1024]));
        expectProblem(client.post().uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("consumer")))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, DataBuffer.class)
                .exchange(), 413, "payload-too-large");
        assertThat(receivedByAnyBackend()).isEqualTo(before);
    }

    @Test
    void acceptsABodyAtTheLimit() {
        client.post().uri("/api/catalog/products?size=limit")
                .header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("seller")))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[MB])
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(MB);
    }

    @Test
    void acceptsLargeHouseholdImportsUpTo20Megabytes() {
        client.post().uri("/api/households/import")
                .header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("official")))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(new byte[5 * MB])
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(5 * MB);
        expectProblem(client.post().uri("/api/households/import")
                .header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("official")))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(new byte[20 * MB + 1])
                .exchange(), 413, "payload-too-large");
    }

    @Test
    void refusesOversizedHeadersWith431() {
        client.get().uri("/api/catalog/products")
                .header("X-Padding", "x".repeat(20 * 1024))
                .exchange().expectStatus().isEqualTo(431);
    }

    @Test
    void acceptsHeadersUpTo16Kilobytes() {
        client.get().uri("/api/catalog/products")
                .header("X-Padding", "x".repeat(12 * 1024))
                .exchange().expectStatus().isOk();
    }

    @Test
    void allowsTheWebUiOriginsPreflight() {
        int before = receivedByAnyBackend();
        client.options().uri("/api/orders")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,idempotency-key")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"));
        assertThat(receivedByAnyBackend()).isEqualTo(before);
    }

    @Test
    void refusesOtherOrigins() {
        client.options().uri("/api/orders")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange().expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void letsTheWebUiReadRateLimitAndRetryHeaders() {
        String path = "/api/catalog/products?cors=" + UUID.randomUUID();
        client.get().uri(path).header(HttpHeaders.ORIGIN, "http://localhost:8080").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:8080")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains("Retry-After", "X-RateLimit-Remaining"));
        assertThat(FakeBackend.latest(path, CATALOG_A, CATALOG_B)).isNotNull();
    }
}
