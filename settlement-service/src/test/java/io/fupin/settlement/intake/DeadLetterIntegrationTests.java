package io.fupin.settlement.intake;

import static io.fupin.settlement.TestEvents.Line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.settlement.IntegrationTest;
import io.fupin.settlement.TestEvents;
import io.fupin.settlement.TestEvents.Event;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.SignedIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A valid event is never lost to a passing failure: it is retried until the database is back. Only a record
 * that can never be read goes to the dead-letter topic, where an administrator lists and replays it.
 */
@IntegrationTest
class DeadLetterIntegrationTests {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(20));
    private static final String DLT = TestEvents.ORDERS + "-dlt";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignedIdentity identity;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JsonMapper json;
    @Autowired
    Map<String, HealthIndicator> indicators;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    @Test
    void aValidPaymentWaitsOutTheDatabaseBeingAwayAndIsAppliedNotDeadLettered() throws Exception {
        UUID order = UUID.randomUUID();
        Event paid = TestEvents.orderPaid(order, T0, List.of(new Line(UUID.randomUUID(), UUID.randomUUID(), 2, 990, 90)));
        jdbc.sql("RENAME TABLE processed_event TO processed_event_away").update();
        try {
            TestEvents.send(brokers, List.of(paid));
            // Far longer than any bounded retry would have waited: the record stays out of the dead-letter topic throughout.
            await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> !deadLetteredKeys().contains(order.toString()));
        } finally {
            jdbc.sql("RENAME TABLE processed_event_away TO processed_event").update();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM journal_entry WHERE entry_key = ?").param("paid:" + order)
                .query(Long.class).single() == 1);
        assertThat(deadLetteredKeys()).doesNotContain(order.toString());
    }

    @Test
    void anUnreadableRecordIsDeadLetteredListedCountedAndAValidOneReplayed() {
        String garbageKey = "unreadable-" + UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Event paid = TestEvents.orderPaid(order, T0, List.of(new Line(UUID.randomUUID(), UUID.randomUUID(), 1, 500, 0)));
        try (Producer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(TestEvents.ORDERS, garbageKey, "{not json".getBytes(StandardCharsets.UTF_8)));
            // A valid event an earlier version dead-lettered after a few seconds of retries.
            producer.send(new ProducerRecord<>(DLT, paid.key(), paid.json().getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetteredKeys().contains(garbageKey));
        JsonNode listed = call(HttpMethod.GET, "/api/settlements/dead-letters", Role.ADMIN);
        JsonNode garbage = entry(listed, garbageKey);
        assertThat(garbage.get("topic").asString()).isEqualTo(DLT);
        assertThat(garbage.get("originalTopic").asString()).isEqualTo(TestEvents.ORDERS);
        assertThat(garbage.get("exception").asString()).isNotBlank();
        assertThat(entry(listed, order.toString()).get("outstanding").asBoolean()).isTrue();
        assertThat(meters.get("fupin.events.dead.letters").tag("topic", DLT).gauge().value()).isGreaterThanOrEqualTo(2);
        assertThat(indicators.get("deadLettersHealthIndicator").health(true).getStatus().getCode()).isEqualTo("UP");
        assertThat(indicators.get("deadLettersHealthIndicator").health(true).getDetails()).containsKey(DLT);

        assertThat(status(HttpMethod.GET, "/api/settlements/dead-letters", Role.CLERK)).isEqualTo(403);
        assertThat(status(HttpMethod.POST, "/api/settlements/dead-letters/replay", Role.CLERK)).isEqualTo(403);

        JsonNode replayed = call(HttpMethod.POST, "/api/settlements/dead-letters/replay", Role.ADMIN);
        assertThat(replayed.get("replayed").asLong()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM journal_entry WHERE entry_key = ?").param("paid:" + order)
                .query(Long.class).single() == 1);
        assertThat(entry(call(HttpMethod.GET, "/api/settlements/dead-letters", Role.ADMIN), order.toString())
                .get("outstanding").asBoolean()).isFalse();
    }

    private JsonNode call(HttpMethod method, String path, Role role) {
        String body = RestClient.create().method(method).uri("http://127.0.0.1:" + port + path)
                .headers(h -> h.addAll(identity.headersFor(Caller.of("admin-test", null, role))))
                .retrieve().body(String.class);
        return json.readTree(body);
    }

    private int status(HttpMethod method, String path, Role role) {
        return RestClient.create().method(method).uri("http://127.0.0.1:" + port + path)
                .headers(h -> h.addAll(identity.headersFor(Caller.of("clerk-test", null, role))))
                .exchange((request, response) -> response.getStatusCode().value());
    }

    private static JsonNode entry(JsonNode listed, String key) {
        for (JsonNode e : listed.get("deadLetters")) {
            if (key.equals(e.path("key").asString(null))) {
                return e;
            }
        }
        throw new AssertionError("no dead letter with key " + key + " in " + listed);
    }

    private List<String> deadLetteredKeys() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(DLT));
            return java.util.stream.StreamSupport.stream(
                    KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(3)).spliterator(), false)
                    .map(ConsumerRecord::key).toList();
        }
    }

    private Producer<String, byte[]> producer() {
        return new DefaultKafkaProducerFactory<String, byte[]>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)).createProducer();
    }
}
