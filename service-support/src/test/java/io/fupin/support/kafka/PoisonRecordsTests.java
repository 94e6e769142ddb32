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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A record that reads but can never be applied (a sealed value that opens under none of the keys, a number that
 * overflows, a value the database refuses as data) is dead-lettered at once, like an unreadable one, instead of
 * holding its partition for ever; a record whose database is away is still retried until it applies.
 */
class PoisonRecordsTests {

    static final String TOPIC = "poison-test.parcel-events.v1";
    static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC, TOPIC + DeadLetters.SUFFIX);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

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
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, EventsAutoConfiguration.class))
                .withUserConfiguration(Listener.class)
                .withInitializer(context -> context.getBeanFactory()
                        .setConversionService(ApplicationConversionService.getSharedInstance()))
                .withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "spring.kafka.consumer.auto-offset-reset=earliest",
                        "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                        "spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                        "spring.kafka.listener.ack-mode=record",
                        "fupin.events.retry.first-interval=PT1S", "fupin.events.retry.max-interval=PT1S")
                .run(app -> {
                    @SuppressWarnings("unchecked")
                    KafkaTemplate<Object, Object> kafka = app.getBean(KafkaTemplate.class);
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
                    await().atMost(Duration.ofSeconds(10)).until(() ->
                            app.getBean(DeadLetters.class).outstanding().get(TOPIC + DeadLetters.SUFFIX) == 3L);
                });
    }
}
