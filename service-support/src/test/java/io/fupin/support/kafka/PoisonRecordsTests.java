package io.fupin.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.support.crypto.KeyRing;
import java.sql.SQLDataException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A record that reads but can never be applied (a sealed value that opens under none of the keys, a number that
 * overflows, a value the database refuses as data) is dead-lettered at once, like an unreadable one, instead of
 * holding its partition for ever; a record whose database is away is still retried until it applies.
 */
class PoisonRecordsTests {

    static final String TOPIC = "poison-test.parcel-events.v1";

    @RegisterExtension
    static final ListenerHarness harness = new ListenerHarness(TOPIC, 1);

    static final List<String> applied = new CopyOnWriteArrayList<>();
    static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Configuration
    @org.springframework.kafka.annotation.EnableKafka
    static class Listener {

        @Bean
        Object parcels() {
            return new Object() {
                @KafkaListener(id = "poison-test", topics = TOPIC)
                void on(ConsumerRecord<String, String> record) {
                    int attempt = attempts.computeIfAbsent(record.value(), v -> new AtomicInteger()).incrementAndGet();
                    switch (record.value()) {
                        case "sealed-under-another-key" -> throw new KeyRing.UnreadableValue("does not open under key id k1");
                        case "overflowing" -> throw new ArithmeticException("long overflow");
                        case "too-long-for-its-column" -> throw new DataIntegrityViolationException("PreparedStatementCallback",
                                new SQLDataException("Data too long for column 'head_name' at row 1", "22001", 1406));
                        case "database-away" -> {
                            if (attempt < 3) {
                                throw new IllegalStateException("Could not get a connection");
                            }
                        }
                        default -> { }
                    }
                    applied.add(record.value());
                }
            };
        }
    }

    @Test
    void aRecordThatCanNeverApplyIsDeadLetteredAtOnceAndOneWaitingForItsDatabaseIsRetried() {
        harness.application(Listener.class, Duration.ofSeconds(1)).run(app -> {
            KafkaTemplate<Object, Object> kafka = ListenerHarness.kafka(app);
            for (String value : List.of("sealed-under-another-key", "overflowing", "too-long-for-its-column",
                    "database-away", "valid")) {
                kafka.send(new ProducerRecord<>(TOPIC, 0, value, value)).get();
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> applied.contains("valid"));
            assertThat(applied).containsExactly("database-away", "valid");
            assertThat(attempts.get("database-away")).hasValue(3);
            for (String poison : List.of("sealed-under-another-key", "overflowing", "too-long-for-its-column")) {
                assertThat(attempts.get(poison)).as(poison).hasValue(1);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> harness.deadLettered(app) == 3L);
        });
    }
}
