package io.fupin.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.gateway.GatewayIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Every role, and a visitor without token, against every protected route. The expectations are written
 * out here on purpose, independently of {@link AccessRules}: this is the policy, that is its implementation.
 */
class AccessMatrixIntegrationTests extends GatewayIntegrationTest {

    private static final String ANONYMOUS = "anonymous";
    private static final List<String> CALLERS = List.of(ANONYMOUS, "consumer", "seller", "clerk", "official", "admin");

    /** Who passes, per request; everyone else signed in gets 403, the visitor 401 (unless listed). */
    private static final Map<String, Set<String>> PASSES = Map.ofEntries(
            Map.entry("GET /api/catalog/products", Set.of(ANONYMOUS, "consumer", "seller", "clerk", "official", "admin")),
            Map.entry("HEAD /api/catalog/products", Set.of(ANONYMOUS, "consumer", "seller", "clerk", "official", "admin")),
            Map.entry("POST /api/catalog/products", Set.of("seller", "official", "admin")),
            Map.entry("POST /api/catalog/seller-applications", Set.of("consumer")),
            Map.entry("POST /api/catalog/seller-applications/1/approve", Set.of("seller", "official", "admin")),
            Map.entry("PUT /api/catalog/products/1", Set.of("seller", "official", "admin")),
            Map.entry("PATCH /api/catalog/products/1/certification", Set.of("seller", "official", "admin")),
            Map.entry("DELETE /api/catalog/products/1", Set.of("seller", "official", "admin")),
            Map.entry("GET /api/orders/1", Set.of("consumer", "seller", "admin")),
            Map.entry("POST /api/orders", Set.of("consumer", "seller", "admin")),
            Map.entry("POST /api/payments/1/pay", Set.of("consumer", "seller", "admin")),
            Map.entry("GET /api/payments/1", Set.of("consumer", "seller", "admin")),
            Map.entry("GET /api/payments/flags", Set.of("clerk", "admin")),
            Map.entry("GET /api/payments/refunds", Set.of("clerk", "admin")),
            Map.entry("POST /api/payments/statements/2026-11-29", Set.of("clerk", "admin")),
            Map.entry("GET /api/payments/statements/2026-11-29", Set.of("clerk", "admin")),
            Map.entry("POST /api/payments/callback", Set.of(ANONYMOUS, "consumer", "seller", "clerk", "official", "admin")),
            Map.entry("GET /api/households/1", Set.of("seller", "clerk", "official", "admin")),
            Map.entry("GET /api/households/public/products/1/beneficiaries",
                    Set.of(ANONYMOUS, "consumer", "seller", "clerk", "official", "admin")),
            Map.entry("POST /api/households/public/products/1/beneficiaries", Set.of("seller", "official", "admin")),
            Map.entry("POST /api/households", Set.of("seller", "official", "admin")),
            Map.entry("POST /api/households/1/linkages", Set.of("seller", "official", "admin")),
            Map.entry("POST /api/households/import", Set.of("official", "admin")),
            Map.entry("GET /api/settlements/periods", Set.of("clerk", "admin")),
            Map.entry("GET /api/settlements/sales", Set.of("seller")),
            Map.entry("POST /api/settlements/sales", Set.of("clerk", "admin")),
            Map.entry("GET /api/settlements/public/orders/1/products/2",
                    Set.of(ANONYMOUS, "consumer", "seller", "clerk", "official", "admin")),
            Map.entry("POST /api/settlements/periods/1/close", Set.of("clerk", "admin")));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        PASSES.forEach((request, passing) -> CALLERS.forEach(caller -> cases.add(Arguments.of(request, caller,
                passing.contains(caller) ? 200 : ANONYMOUS.equals(caller) ? 401 : 403))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void appliesTheRoleTable(String request, String caller, int expected) {
        String[] parts = request.split(" ");
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        WebTestClient.RequestBodySpec spec = client.method(method).uri(parts[1]);
        if (!ANONYMOUS.equals(caller)) {
            spec.header(HttpHeaders.AUTHORIZATION, bearer(tokenOf(caller)));
        }
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            spec.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        }
        int before = receivedByAnyBackend();
        WebTestClient.ResponseSpec response = spec.exchange();

        if (expected == 200) {
            response.expectStatus().isOk();
            if (method != HttpMethod.HEAD) {
                JsonNode echo = response.expectBody(JsonNode.class).returnResult().getResponseBody();
                assertThat(echo.get("path").asString()).isEqualTo(parts[1]);
                assertThat(echo.get("method").asString()).isEqualTo(method.name());
            }
            assertThat(receivedByAnyBackend()).isEqualTo(before + 1);
        } else {
            expectProblem(response, expected, expected == 401 ? "unauthenticated" : "forbidden");
            assertThat(receivedByAnyBackend()).as("a refused request reached a service").isEqualTo(before);
        }
    }
}
