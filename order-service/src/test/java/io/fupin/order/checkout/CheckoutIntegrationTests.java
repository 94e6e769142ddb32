package io.fupin.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.order.IntegrationTest;
import io.fupin.order.Shop;
import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class CheckoutIntegrationTests {

    static final Caller CONSUMER = Caller.of("consumer-" + UUID.randomUUID(), null, "CONSUMER");

    @Autowired
    Shop shop;
    @Autowired
    SignedIdentity identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    RestClient orders;

    record Reply(int status, String body, String replayed) {
        JsonNode json(JsonMapper mapper) {
            return mapper.readTree(body);
        }
    }

    @BeforeEach
    void setUp() {
        orders = RestClient.create("http://localhost:" + port);
    }

    @Test
    void placesAnOrderAtTheReservedPriceAndPublishesOrderPlaced() {
        UUID product = shop.listProduct(10, 2990, 350);

        Reply reply = place(CONSUMER, "key-" + UUID.randomUUID(), order(product, 3));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode order = reply.json(json);
        assertThat(order.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.get("totalFen").asLong()).isEqualTo(3 * 2990);
        assertThat(order.get("lines").get(0).get("unitCostFen").asLong()).isEqualTo(350);
        assertThat(shop.stockOf(product)).isEqualTo(7);

        String orderId = order.get("id").asString();
        JsonNode event = awaitEvent(orderId);
        assertThat(event.get("eventType").asString()).isEqualTo("OrderPlaced");
        assertThat(event.get("eventVersion").asInt()).isEqualTo(1);
        assertThat(event.get("eventId").asString()).isNotBlank();
        assertThat(event.get("payload").get("totalFen").asLong()).isEqualTo(3 * 2990);
        assertThat(event.get("payload").get("lines").get(0).get("sellerId").asString()).isNotBlank();
    }

    @Test
    void replaysTheFirstAnswerForTheSameKeyAndBody() {
        UUID product = shop.listProduct(10, 1000, 0);
        String key = "key-" + UUID.randomUUID();

        Reply first = place(CONSUMER, key, order(product, 2));
        Reply replay = place(CONSUMER, key, order(product, 2));

        assertThat(replay.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.replayed()).isEqualTo("true");
        assertThat(shop.stockOf(product)).isEqualTo(8);
        assertThat(ordersOf(CONSUMER)).isEqualTo(countBefore(CONSUMER, first));
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        UUID product = shop.listProduct(10, 1000, 0);
        String key = "key-" + UUID.randomUUID();
        place(CONSUMER, key, order(product, 1));

        Reply other = place(CONSUMER, key, order(product, 5));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json(json).get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(shop.stockOf(product)).isEqualTo(9);
    }

    @Test
    void answersSoldOutWithNothingStoredAndReplaysThatAnswer() {
        UUID product = shop.listProduct(2, 1000, 0);
        Caller buyer = Caller.of("buyer-" + UUID.randomUUID(), null, "CONSUMER");
        String key = "key-" + UUID.randomUUID();

        Reply soldOut = place(buyer, key, order(product, 3));
        Reply replay = place(buyer, key, order(product, 3));

        assertThat(soldOut.status()).isEqualTo(409);
        assertThat(soldOut.json(json).get("type").asString()).endsWith("/sold-out");
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.body()).isEqualTo(soldOut.body());
        assertThat(ordersOf(buyer)).isZero();
        assertThat(shop.stockOf(product)).isEqualTo(2);
    }

    @Test
    void anOrganisationBuyingInsteadOfDonatingMustNameItself() {
        UUID product = shop.listProduct(5, 1000, 0);
        Map<String, Object> body = order(product, 1);
        body.put("buyer", Map.of("kind", "ORGANISATION"));

        Reply reply = place(CONSUMER, "key-" + UUID.randomUUID(), body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("buyer.organisationNamed");
    }

    @Test
    void namesInvalidFieldsAndStoresNothing() {
        UUID product = shop.listProduct(5, 1000, 0);
        Map<String, Object> badMobile = order(product, 1);
        badMobile.put("delivery", Map.of("name", "王芳", "mobile", "12345", "address", "哈尔滨市双城区"));
        Reply reply = place(CONSUMER, "key-" + UUID.randomUUID(), badMobile);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("delivery.mobile");

        Reply zero = place(CONSUMER, "key-" + UUID.randomUUID(), order(product, 0));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body()).contains("lines[0].quantity");

        Reply noKey = orders.post().uri("/api/orders").headers(h -> h.addAll(identity.headersFor(CONSUMER)))
                .contentType(MediaType.APPLICATION_JSON).body(order(product, 1))
                .exchange((req, res) -> new Reply(res.getStatusCode().value(), res.bodyTo(String.class), null));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(shop.stockOf(product)).isEqualTo(5);
    }

    @Test
    void aConsumerCannotSetThePriceTheStatusTheSellerOrTheBuyerInTheBody() {
        UUID product = shop.listProduct(10, 2990, 350);
        UUID forgedSeller = UUID.randomUUID();
        UUID forgedId = UUID.randomUUID();
        Map<String, Object> body = order(product, 2);
        body.put("id", forgedId);
        body.put("status", "PAID");
        body.put("totalFen", 1);
        body.put("buyerId", "someone-else");
        body.put("sellerId", forgedSeller);
        body.put("paidAt", "2026-01-01T00:00:00Z");
        body.put("lines", List.of(Map.of("productId", product, "quantity", 2, "unitPriceFen", 1, "unitCostFen", 0,
                "amountFen", 2, "sellerId", forgedSeller)));

        Reply reply = place(CONSUMER, "key-" + UUID.randomUUID(), body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode order = reply.json(json);
        assertThat(order.get("id").asString()).isNotEqualTo(forgedId.toString());
        assertThat(order.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.get("totalFen").asLong()).isEqualTo(2 * 2990);
        assertThat(order.path("paidAt").isNull() || order.path("paidAt").isMissingNode()).as("paidAt").isTrue();
        JsonNode line = order.get("lines").get(0);
        assertThat(line.get("unitPriceFen").asLong()).isEqualTo(2990);
        assertThat(line.get("unitCostFen").asLong()).isEqualTo(350);
        assertThat(line.get("amountFen").asLong()).isEqualTo(2 * 2990);
        assertThat(line.get("sellerId").asString()).isNotEqualTo(forgedSeller.toString());
        assertThat(jdbc.sql("SELECT buyer_id FROM orders WHERE id = ?").param(order.get("id").asString())
                .query(String.class).single()).isEqualTo(CONSUMER.userId());
    }

    @Test
    void unknownProductsAreRefusedAsBadRequests() {
        Reply reply = place(CONSUMER, "key-" + UUID.randomUUID(), order(UUID.randomUUID(), 1));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json(json).get("type").asString()).endsWith("/unknown-product");
    }

    @Test
    void onlyConsumersPlaceOrdersAndEachSeesOnlyTheirOwn() {
        UUID product = shop.listProduct(5, 1000, 0);
        Reply bySeller = place(Caller.of("seller", UUID.randomUUID(), "SELLER"), "key-" + UUID.randomUUID(), order(product, 1));
        assertThat(bySeller.status()).isEqualTo(403);

        Reply placed = place(CONSUMER, "key-" + UUID.randomUUID(), order(product, 1));
        String id = placed.json(json).get("id").asString();
        assertThat(get(CONSUMER, id)).isEqualTo(200);
        assertThat(get(Caller.of("someone-else", null, "CONSUMER"), id)).isEqualTo(403);
    }

    private int get(Caller caller, String orderId) {
        return orders.get().uri("/api/orders/{id}", orderId).headers(h -> h.addAll(identity.headersFor(caller)))
                .exchange((req, res) -> res.getStatusCode().value());
    }

    private long countBefore(Caller caller, Reply first) {
        return 1 + jdbc.sql("SELECT COUNT(*) FROM orders WHERE buyer_id = ? AND id <> ?")
                .param(caller.userId()).param(first.json(json).get("id").asString()).query(Long.class).single();
    }

    private long ordersOf(Caller caller) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE buyer_id = ?").param(caller.userId()).query(Long.class).single();
    }

    private Reply place(Caller caller, String key, Map<String, Object> body) {
        return orders.post().uri("/api/orders").headers(h -> h.addAll(identity.headersFor(caller)))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((req, res) -> new Reply(res.getStatusCode().value(), res.bodyTo(String.class),
                        res.getHeaders().getFirst("Idempotent-Replayed")));
    }

    private static Map<String, Object> order(UUID product, int quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("lines", List.of(Map.of("productId", product, "quantity", quantity)));
        body.put("channel", "LIVESTREAM");
        body.put("buyer", Map.of("kind", "INDIVIDUAL"));
        body.put("delivery", Map.of("name", "王芳", "mobile", "13800138000", "address", "黑龙江省哈尔滨市双城区"));
        return body;
    }

    private JsonNode awaitEvent(String orderId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> found = new ArrayList<>();
        try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new StringDeserializer()).createConsumer()) {
            consumer.subscribe(List.of("order-service.order-events.v1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (orderId.equals(record.key())) {
                        found.add(json.readTree(record.value()));
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.getFirst();
    }
}
