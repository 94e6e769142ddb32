package io.fupin.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A record that keeps failing (its database away) holds its own partition only: the listener's other
 * partitions keep flowing during the back-off, the record is tried again until it applies and is never
 * dead-lettered.
 */
class PartitionPausingTests {

    static final String TOPIC = "pausing-test.parcel-events.v1";

    @RegisterExtension
    static final ListenerHarness harness = new ListenerHarness(TOPIC, 2);

    static final List<String> applied = new CopyOnWriteArrayList<>();
    static final AtomicInteger attemptsOfFailing = new AtomicInteger();

    @Configuration
    @org.springframework.kafka.annotation.EnableKafka
    static class Listener {

        @Bean
        Object parcels() {
            return new Object() {
                @KafkaListener(id = "pausing-test", topics = TOPIC)
                void on(ConsumerRecord<String, String> record) {
                    if (record.value().startsWith("database-away") && attemptsOfFailing.incrementAndGet() < 3) {
                        throw new IllegalStateException("Could not get a connection");
                    }
                    applied.add(record.value());
                }
            };
        }
    }

    @Test
    void otherPartitionsFlowWhileOneWaitsForItsRetry() {
        harness.application(Listener.class, Duration.ofSeconds(6)).run(app -> {
            KafkaTemplate<Object, Object> kafka = ListenerHarness.kafka(app);
            kafka.send(new ProducerRecord<>(TOPIC, 0, "a", "database-away")).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> attemptsOfFailing.get() == 1);

            for (int i = 0; i < 20; i++) {
                kafka.send(new ProducerRecord<>(TOPIC, 1, "b", "flowing-" + i)).get();
            }
            // Well within the first 6 s pause of the failing record.
            await().atMost(Duration.ofSeconds(4)).until(() -> applied.size() == 20);
            assertThat(applied).doesNotContain("database-away");

            await().atMost(Duration.ofSeconds(30)).until(() -> applied.contains("database-away"));
            assertThat(attemptsOfFailing.get()).isEqualTo(3);
            assertThat(harness.deadLettered(app)).isZero();
        });
    }
}
