package io.fupin.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.gateway.FakeBackend;
import io.fupin.gateway.GatewayIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class RoutingIntegrationTests extends GatewayIntegrationTest {

    @ParameterizedTest
    @CsvSource({
            "/api/orders/42, consumer, order-service",
            "/api/payments/42, consumer, order-service",
            "/api/households/7, official, household-service",
            "/api/settlements/periods, clerk, settlement-service"})
    void routesEachPathToItsService(String path, String user, String service) {
        JsonNode answer = client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(tokenOf(user)))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(answer.get("service").asString()).isEqualTo(service);
        assertThat(answer.get("path").asString()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/search?q=dami", "/products/42", "/cart", "/account/orders", "/login",
            "/trace/p/42", "/static/css/site.css", "/webjars/htmx.org/dist/htmx.min.js", "/seller/products",
            "/clerk/periods", "/official/certifications", "/admin/dead-letters", "/webjars/echarts/dist/echarts.min.js"})
    void routesPagesToTheWebApplicationWithoutTokenKeepingTheHost(String path) {
        JsonNode answer = client.get().uri(path).header(HttpHeaders.HOST, "shop.example:8080").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(answer.get("service").asString()).isEqualTo("web");
        assertThat(WEB.received().getLast().header("host")).isEqualTo("shop.example:8080");
    }

    @Test
    void letsFormsPostToThePagesWithoutToken() {
        JsonNode answer = client.post().uri("/cart/add").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("productId=42&quantity=1").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(answer.get("service").asString()).isEqualTo("web");
        assertThat(answer.get("path").asString()).isEqualTo("/cart/add");
    }

    /**
     * Under the pages' {@code Referrer-Policy: no-referrer} a browser sends {@code Origin: null} with every form
     * it posts, even to the same site (Chromium's login answered 403). The pages' forms are not cross-origin
     * reads: CORS is the API's business, and the web application checks each form's CSRF token.
     */
    @ParameterizedTest
    @ValueSource(strings = {"null", "http://localhost:8080", "https://elsewhere.example"})
    void letsFormsPostToThePagesWhateverOriginTheBrowserNames(String origin) {
        JsonNode answer = client.post().uri("/login").header(HttpHeaders.HOST, "localhost:8080")
                .header(HttpHeaders.ORIGIN, origin).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=consumer&password=x&_csrf=t").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(answer.get("service").asString()).isEqualTo("web");
        assertThat(answer.get("path").asString()).isEqualTo("/login");
    }

    @Test
    void keepsItsOwnPathsFromTheWebApplication() {
        int before = WEB.received().size();
        client.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk();
        client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        assertThat(WEB.received()).hasSize(before);
    }

    @Test
    void balancesTheCatalogOverItsInstances() {
        Set<String> instances = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            instances.add(client.get().uri("/api/catalog/products").exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("service").asString());
        }
        assertThat(instances).containsExactlyInAnyOrder("catalog-service-a", "catalog-service-b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/stock/reservations", "/internal/households/linkages", "/internal"})
    void neverRoutesInternalPaths(String path) {
        int before = receivedByAnyBackend();
        expectProblem(client.get().uri(path).exchange(), 404, "not-found");
        expectProblem(client.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("admin")))
                .exchange(), 404, "not-found");
        assertThat(receivedByAnyBackend()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/catalog/../internal/stock", "/api/catalog/%2e%2e/internal/stock",
            "/api/catalog/..%2Finternal/stock", "/api/catalog/products;jsessionid=1"})
    void refusesPathsThatCouldEscapeTheirRoute(String path) {
        int before = receivedByAnyBackend();
        expectProblem(client.get().uri(raw(path)).exchange(), 400, "invalid-request");
        assertThat(receivedByAnyBackend()).isEqualTo(before);
    }

    @Test
    void answersUnknownApiPathsWith404ToSignedInCallers() {
        expectProblem(client.get().uri("/api/nowhere").header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("admin")))
                .exchange(), 404, "not-found");
    }

    @Test
    void proxiesEachServicesApiDocumentWithoutToken() {
        for (FakeBackend backend : new FakeBackend[] {ORDERS, HOUSEHOLDS, SETTLEMENTS}) {
            JsonNode answer = client.get().uri("/v3/api-docs/" + backend.name()).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(answer.get("service").asString()).isEqualTo(backend.name());
            assertThat(answer.get("path").asString()).isEqualTo("/v3/api-docs");
        }
        client.get().uri("/v3/api-docs/catalog-service").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/v3/api-docs");
    }

    @Test
    void listsEveryServiceInTheSwaggerUi() {
        client.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[?(@.name == 'catalog-service')].url").isEqualTo("/v3/api-docs/catalog-service")
                .jsonPath("$.urls[?(@.name == 'order-service')].url").isEqualTo("/v3/api-docs/order-service")
                .jsonPath("$.urls[?(@.name == 'household-service')].url").isEqualTo("/v3/api-docs/household-service")
                .jsonPath("$.urls[?(@.name == 'settlement-service')].url").isEqualTo("/v3/api-docs/settlement-service");
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        client.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    /** Also writes the document to target/openapi for the linter (docs/openapi/lint). */
    @Test
    void documentsTheGatewaysOwnEndpoints() throws IOException {
        byte[] document = client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/auth/token'].post").exists()
                .jsonPath("$.paths['/fallback/{service}']").doesNotExist()
                .jsonPath("$.servers[0].url").isEqualTo("http://localhost:8080")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.paths['/api/auth/token'].post.responses['401'].content['application/problem+json']").exists()
                .returnResult().getResponseBodyContent();
        Path file = Path.of("target", "openapi", "gateway.json");
        Files.createDirectories(file.getParent());
        Files.write(file, document);
    }

    @Test
    void answersASlowServiceWith504AfterTheRoutesTimeout() {
        long started = System.nanoTime();
        String path = "/api/households/slow/" + UUID.randomUUID();
        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("official"))).exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://fupin.market/problems/gateway-timeout")
                .jsonPath("$.service").isEqualTo("household-service")
                .jsonPath("$.instance").isEqualTo(path);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        // The route waits 1.5 s (test configuration), well before the service's 3 s answer.
        assertThat(tookMs).isBetween(1_400L, FakeBackend.SLOW - 200);
    }
}
