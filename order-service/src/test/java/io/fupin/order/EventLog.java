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

    /**
     * Waits until exactly these event types were published for the order, numbered 1, 2, 3 ... in this order by
     * their {@code sequence}, in whatever order they reached the topic; answers the events in sequence order.
     * One instance hands its events to Kafka first in first out, but two instances publish independently: an
     * event committed on one may reach the topic before an earlier one committed on the other, and only the
     * sequence tells consumers the order the steps happened in.
     */
    public List<JsonNode> awaitInSequence(UUID orderId, String... types) {
        List<String> expected = List.of(types);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            poll();
            org.assertj.core.api.Assertions.assertThat(inSequence(orderId).stream()
                    .map(e -> e.get("eventType").asString()).toList()).as("events of order " + orderId + " by sequence")
                    .isEqualTo(expected);
        });
        List<JsonNode> events = inSequence(orderId);
        org.assertj.core.api.Assertions.assertThat(events.stream().map(e -> e.get("sequence").asLong()).toList())
                .as("sequences of order " + orderId)
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, types.length).boxed().toList());
        return events;
    }

    private List<JsonNode> inSequence(UUID orderId) {
        return byKey.getOrDefault(orderId.toString(), List.of()).stream()
                .sorted(java.util.Comparator.comparingLong(e -> e.path("sequence").asLong())).toList();
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
