package io.fupin.gateway;

import io.fupin.gateway.devissuer.DevTokenIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The gateway on a random port in front of fake services (real HTTP servers), with the real Redis. Every
 * integration test class extends this and adds nothing to the configuration, so all share one context.
 * Catalog has two instances, to see load balancing; the others (and the web application) one each.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
public abstract class GatewayIntegrationTest {

    protected static final FakeBackend CATALOG_A = new FakeBackend("catalog-service-a").start();
    protected static final FakeBackend CATALOG_B = new FakeBackend("catalog-service-b").start();
    protected static final FakeBackend ORDERS = new FakeBackend("order-service").start();
    protected static final FakeBackend HOUSEHOLDS = new FakeBackend("household-service").start();
    protected static final FakeBackend SETTLEMENTS = new FakeBackend("settlement-service").start();
    protected static final FakeBackend WEB = new FakeBackend("web").start();

    protected static final List<FakeBackend> ALL_BACKENDS = List.of(CATALOG_A, CATALOG_B, ORDERS, HOUSEHOLDS, SETTLEMENTS, WEB);

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("CATALOG_URL", () -> CATALOG_A.url() + "," + CATALOG_B.url());
        registry.add("ORDER_URL", ORDERS::url);
        registry.add("HOUSEHOLD_URL", HOUSEHOLDS::url);
        registry.add("SETTLEMENT_URL", SETTLEMENTS::url);
        registry.add("WEB_URL", WEB::url);
    }

    @Autowired
    protected WebTestClient client;

    @Autowired
    protected DevTokenIssuer issuer;

    @Value("${local.server.port}")
    private int port;

    @BeforeEach
    void patientClient() {
        // Slow-path and breaker tests wait seconds on purpose; the machine may also be busy.
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A token of a demo user, obtained the way a client does. */
    protected String tokenOf(String username) {
        return TOKENS.computeIfAbsent(username, user -> client.post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", user, "password", "fupin-demo"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("accessToken").asString());
    }

    /** An absolute URI taken exactly as written, for paths a URI builder would encode or normalise. */
    protected URI raw(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Asserts an RFC 9457 problem of the given status and type slug. */
    protected static void expectProblem(WebTestClient.ResponseSpec response, int status, String type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://fupin.market/problems/" + type)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty();
    }

    /** How many requests all fake services have received so far. */
    protected static int receivedByAnyBackend() {
        return ALL_BACKENDS.stream().mapToInt(backend -> backend.received().size()).sum();
    }
}
