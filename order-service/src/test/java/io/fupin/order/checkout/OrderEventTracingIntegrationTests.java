package io.fupin.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.order.IntegrationTest;
import io.fupin.order.Shop;
import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.web.client.RestClient;

/** The trace of the request that places an order reaches the consumers of its event, through the outbox. */
@IntegrationTest
class OrderEventTracingIntegrationTests {

    @Autowired
    Shop shop;
    @Autowired
    SignedIdentity identity;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    @Test
    void theOrderPlacedRecordCarriesTheTraceOfThePlacingRequest() {
        UUID product = shop.listProduct(5, 1200, 0);
        String traceId = hex(16);
        String callerSpan = hex(8);
        Caller buyer = Caller.of("traced-" + UUID.randomUUID(), null, "CONSUMER");

        Shop.Reply placed = RestClient.create("http://localhost:" + port).post().uri("/api/orders")
                .headers(h -> h.addAll(identity.headersFor(buyer)))
                .header("Idempotency-Key", "key-" + UUID.randomUUID())
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType(MediaType.APPLICATION_JSON).body(Shop.order("ONLINE", Map.of(product, 1)))
                .exchange((req, res) -> new Shop.Reply(res.getStatusCode().value(), res.bodyTo(String.class)));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderId = placed.text("id");

        String traceparent = traceparentOfRecord(orderId);
        String[] parts = traceparent.split("-");
        assertThat(parts).hasSize(4);
        assertThat(parts[1]).as("the request's trace").isEqualTo(traceId);
        assertThat(parts[2]).as("order-service's own span, child of the caller's").isNotEqualTo(callerSpan);
    }

    private String traceparentOfRecord(String orderId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "trace-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new StringDeserializer()).createConsumer()) {
            consumer.subscribe(List.of("order-service.order-events.v1"));
            String[] found = new String[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (orderId.equals(record.key()) && record.value().contains("\"OrderPlaced\"")) {
                        Header header = record.headers().lastHeader("traceparent");
                        found[0] = header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
                    }
                }
                return found[0] != null;
            });
            return found[0];
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
