package io.fupin.catalog;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what really reached {@code catalog-service.product-events.v1}, as any consumer would. */
public final class ProductEventsProbe {

    private final String brokers;
    private final JsonMapper json;

    public ProductEventsProbe(String brokers, JsonMapper json) {
        this.brokers = brokers;
        this.json = json;
    }

    /** The events of one product in topic order, once {@code until} holds for them. */
    public List<JsonNode> of(UUID productId, Predicate<List<JsonNode>> until) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> found = new ArrayList<>();
        try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new StringDeserializer()).createConsumer()) {
            consumer.subscribe(List.of("catalog-service.product-events.v1"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (productId.toString().equals(record.key())) {
                        found.add(json.readTree(record.value()));
                    }
                }
                return until.test(found);
            });
        }
        return found;
    }

    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("eventType").asString()).toList();
    }
}
