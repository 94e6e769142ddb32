package io.fupin.order;

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
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads order-service.order-events.v1 from the start, as a consumer of the topic would, grouped by order id. */
public final class EventLog implements AutoCloseable {

    private final Consumer<String, String> consumer;
    private final JsonMapper json;
    private final Map<String, List<JsonNode>> byKey = new HashMap<>();

    public EventLog(String brokers, JsonMapper json) {
        this.json = json;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer()).createConsumer();
        consumer.subscribe(List.of("order-service.order-events.v1"));
    }

    /** Waits until exactly these event types, in this order, were published for the order; answers the events. */
    public List<JsonNode> await(UUID orderId, String... types) {
        List<String> expected = List.of(types);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            poll();
            org.assertj.core.api.Assertions.assertThat(typesOf(orderId)).as("events of order " + orderId).isEqualTo(expected);
        });
        return List.copyOf(byKey.get(orderId.toString()));
    }

    public JsonNode payloadOf(UUID orderId, String type) {
        return byKey.getOrDefault(orderId.toString(), List.of()).stream()
                .filter(e -> type.equals(e.get("eventType").asString())).findFirst().orElseThrow().get("payload");
    }

    private List<String> typesOf(UUID orderId) {
        return byKey.getOrDefault(orderId.toString(), List.of()).stream().map(e -> e.get("eventType").asString()).toList();
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(json.readTree(record.value()));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
