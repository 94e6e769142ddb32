package io.fupin.order.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.order.IntegrationTest;
import io.fupin.order.Shop;
import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link Idempotent} handlers over HTTP on the real database: what a key keeps, replays, and never claims. */
@IntegrationTest
class IdempotentHandlingIntegrationTests {

    @Autowired
    Shop shop;
    @Autowired
    SignedIdentity identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    record Answer(int status, String body, String contentType, String location, String replayed) {
        String text(JsonMapper json, String field) {
            return json.readTree(body).get(field).asString();
        }
    }

    @Test
    void aReplayAnswersTheFirstStatusBodyTypeAndLocation() {
        UUID product = shop.listProduct(10, 1200, 0);
        Caller buyer = Shop.newBuyer("replayer");
        String key = "key-" + UUID.randomUUID();

        Answer first = post("/api/orders", buyer, key, Shop.order("ONLINE", Map.of(product, 1)));
        Answer replay = post("/api/orders", buyer, key, Shop.order("ONLINE", Map.of(product, 1)));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.location()).isEqualTo("/api/orders/" + first.text(json, "id"));
        assertThat(first.replayed()).isEqualTo("false");
        assertThat(replay).isEqualTo(new Answer(201, first.body(), first.contentType(), first.location(), "true"));
        assertThat(MediaType.parseMediaType(replay.contentType()).isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(shop.stockOf(product)).isEqualTo(9);
    }

    @Test
    void concurrentRequestsWithOneKeyPlaceOneOrder() throws Exception {
        UUID product = shop.listProduct(10, 800, 0);
        Caller buyer = Shop.newBuyer("impatient");
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> order = Shop.order("ONLINE", Map.of(product, 2));

        List<Answer> answers;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Callable<Answer>> same = IntStream.range(0, 4)
                    .<Callable<Answer>>mapToObj(i -> () -> post("/api/orders", buyer, key, order)).toList();
            answers = pool.invokeAll(same).stream().map(IdempotentHandlingIntegrationTests::get).toList();
        }

        assertThat(answers).extracting(Answer::status).containsOnly(201);
        assertThat(answers).extracting(a -> a.text(json, "id")).containsOnly(answers.getFirst().text(json, "id"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM orders WHERE buyer_id = ?").param(buyer.userId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(shop.stockOf(product)).isEqualTo(8);
    }

    @Test
    void aCallerRefusedByAuthorizationOrValidationClaimsNothing() {
        UUID product = shop.listProduct(10, 500, 0);
        Caller buyer = Shop.newBuyer("careless");
        Caller seller = Caller.of("seller-" + UUID.randomUUID(), UUID.randomUUID(), "SELLER");
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> invalid = Shop.order("ONLINE", Map.of(product, 0));

        assertThat(post("/api/orders", seller, key, Shop.order("ONLINE", Map.of(product, 1))).status()).isEqualTo(403);
        assertThat(post("/api/orders", buyer, key, invalid).status()).isEqualTo(400);
        assertThat(keysOf(seller.userId())).isZero();
        assertThat(keysOf(buyer.userId())).isZero();

        UUID order = shop.placeOrder(buyer, product, 1);
        Caller stranger = Shop.newBuyer("stranger");
        assertThat(post("/api/payments", stranger, key, Map.of("orderId", order, "amountFen", 500)).status())
                .isEqualTo(403);
        assertThat(keysOf("payment:" + stranger.userId())).isZero();
        assertThat(post("/api/orders", buyer, key, Shop.order("ONLINE", Map.of(product, 1))).status())
                .as("the key the invalid body did not claim").isEqualTo(201);
    }

    @Test
    void aPaymentReplaysItsFirstAnswerAndRefusesTheKeyForAnotherOrder() {
        UUID product = shop.listProduct(10, 700, 0);
        Caller buyer = Shop.newBuyer("payer");
        UUID order = shop.placeOrder(buyer, product, 1);
        UUID other = shop.placeOrder(buyer, product, 2);
        String key = "pay-" + UUID.randomUUID();

        Answer first = post("/api/payments", buyer, key, Map.of("orderId", order, "amountFen", 700));
        Answer replay = post("/api/payments", buyer, key, Map.of("orderId", order, "amountFen", 700));
        Answer reused = post("/api/payments", buyer, key, Map.of("orderId", other, "amountFen", 1400));

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay).isEqualTo(new Answer(201, first.body(), first.contentType(), null, "true"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.text(json, "type")).endsWith("/idempotency-key-reused");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE order_id = ?").param(other.toString())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theApiDocumentRequiresTheKeyOnEachIdempotentOperationAndShowsNoClaimedId() {
        JsonNode api = json.readTree(RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs")
                .retrieve().body(String.class));
        for (String path : List.of("/api/orders", "/api/payments")) {
            JsonNode operation = api.get("paths").get(path).get("post");
            List<String> parameters = operation.path("parameters").valueStream()
                    .map(p -> p.get("in").asString() + ":" + p.get("name").asString() + ":" + p.path("required").asBoolean())
                    .toList();
            assertThat(parameters).as(path).containsExactly("header:Idempotency-Key:true");
            assertThat(operation.get("responses").get("201").toString()).as(path).contains("#/components/schemas/");
        }
    }

    private long keysOf(String scope) {
        return jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE scope = ?").param(scope).query(Long.class).single();
    }

    private Answer post(String path, Caller caller, String key, Object body) {
        return RestClient.create("http://localhost:" + port).post().uri(path)
                .headers(h -> h.addAll(identity.headersFor(caller)))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), res.bodyTo(String.class),
                        res.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), res.getHeaders().getFirst(HttpHeaders.LOCATION),
                        res.getHeaders().getFirst("Idempotent-Replayed")));
    }

    private static Answer get(Future<Answer> answer) {
        try {
            return answer.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
