package io.fupin.settlement.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.settlement.IntegrationTest;
import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.web.client.RestClient;

@IntegrationTest
class OrderIntakeIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    SignedIdentity identity;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    @Test
    void recordsAnOrderOnceWhenItsEventIsDeliveredTwice() {
        UUID orderId = UUID.randomUUID();
        String event = orderPlaced(UUID.randomUUID(), orderId, 3, 1990, 200);

        send(orderId, event);
        send(orderId, event);

        await().atMost(Duration.ofSeconds(20)).until(() -> recorded(orderId) == 1);
        // Give the duplicate every chance to be applied, then make sure it was not.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> recorded(orderId) == 1);
        assertThat(jdbc.sql("SELECT gross_fen, cost_fen FROM settlement_order WHERE order_id = ?")
                .param(orderId.toString()).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                .containsExactly(3 * 1990L, 3 * 200L);
    }

    @Test
    void appliesEachEventOnceAcrossAConsumerStoppedMidwayAndRestarted() {
        MessageListenerContainer container = listeners.getListenerContainer("settlement-order-events");
        List<UUID> orders = new ArrayList<>();
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(UUID.randomUUID());
            events.add(UUID.randomUUID());
        }
        for (int i = 0; i < 10; i++) {
            send(orders.get(i), orderPlaced(events.get(i), orders.get(i), 1, 500, 0));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> orders.subList(0, 10).stream().allMatch(o -> recorded(o) == 1));

        container.stop();
        // While it is down: the second half arrives, and the first half is redelivered (as after a crash
        // that lost the committed offsets).
        for (int i = 0; i < 20; i++) {
            send(orders.get(i), orderPlaced(events.get(i), orders.get(i), 1, 500, 0));
        }
        assertThat(orders.subList(10, 20)).allMatch(o -> recorded(o) == 0);
        container.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> orders.stream().allMatch(o -> recorded(o) == 1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id IN (:ids)")
                .param("ids", events.stream().map(UUID::toString).toList()).query(Long.class).single()).isEqualTo(20);
    }

    @Test
    void appliesTheEventsOfEachPartitionOnItsOwnConsumerThread() {
        // Three consumers for the test broker's three partitions: an order's events keep one partition and one thread,
        // while a backlog drains three transactions at a time instead of one.
        MessageListenerContainer container = listeners.getListenerContainer("settlement-order-events");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Collection<TopicPartition>> assigned =
                    container.getAssignmentsByClientId();
            assertThat(assigned).hasSize(3);
            assertThat(assigned.values()).allSatisfy(partitions -> assertThat(partitions).hasSize(1));
        });
    }

    @Test
    void showsWhatItRecordedToAClerkOnly() {
        UUID orderId = UUID.randomUUID();
        send(orderId, orderPlaced(UUID.randomUUID(), orderId, 2, 3000, 100));
        await().atMost(Duration.ofSeconds(20)).until(() -> recorded(orderId) == 1);

        RestClient http = RestClient.create("http://localhost:" + port);
        Map<String, Object> body = http.get().uri("/api/settlements/orders/{id}", orderId)
                .headers(h -> h.addAll(identity.headersFor(Caller.of("clerk", null, "CLERK"))))
                .retrieve().body(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(body).containsEntry("grossFen", 6000).containsEntry("costFen", 200).containsEntry("status", "PLACED");

        int consumerStatus = http.get().uri("/api/settlements/orders/{id}", orderId)
                .headers(h -> h.addAll(identity.headersFor(Caller.of("consumer", null, "CONSUMER"))))
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(consumerStatus).isEqualTo(403);

        int unsigned = http.get().uri("/api/settlements/orders/{id}", orderId)
                .header("X-Fupin-User-Id", "clerk").header("X-Fupin-Roles", "CLERK")
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(unsigned).isEqualTo(401);
    }

    @Test
    void sendsAnUnreadableEventToTheDeadLetterTopicAndKeepsConsuming() {
        UUID orderId = UUID.randomUUID();
        send(orderId, "{not json");
        send(orderId, orderPlaced(UUID.randomUUID(), orderId, 1, 100, 0));
        await().atMost(Duration.ofSeconds(20)).until(() -> recorded(orderId) == 1);
    }

    private long recorded(UUID orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM settlement_order WHERE order_id = ?").param(orderId.toString())
                .query(Long.class).single();
    }

    private void send(UUID orderId, String json) {
        try (var producer = new DefaultKafkaProducerFactory<String, byte[]>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)).createProducer()) {
            producer.send(new ProducerRecord<>("order-service.order-events.v1", orderId.toString(),
                    json.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Shaped as order-service's OrderPlaced, with a field settlement does not know, which it must ignore. */
    static String orderPlaced(UUID eventId, UUID orderId, int quantity, long unitPriceFen, long unitCostFen) {
        return """
                {"eventId":"%s","eventType":"OrderPlaced","eventVersion":1,"occurredAt":"%s","aggregateId":"%s",
                 "payload":{"orderId":"%s","orderNumber":"FP261128ABCDEF012345","buyerId":"consumer",
                  "buyerKind":"INDIVIDUAL","organisationName":null,"channel":"LIVESTREAM","totalFen":%d,
                  "placedAt":"%s","someFutureField":true,
                  "lines":[{"productId":"%s","sellerId":"%s","quantity":%d,"unitPriceFen":%d,"unitCostFen":%d,"amountFen":%d}]}}
                """.formatted(eventId, Instant.now(), orderId, orderId, quantity * unitPriceFen, Instant.now(),
                UUID.randomUUID(), UUID.randomUUID(), quantity, unitPriceFen, unitCostFen, quantity * unitPriceFen);
    }
}
