package io.fupin.settlement.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.settlement.IntegrationTest;
import io.fupin.settlement.OrderServiceBook;
import io.fupin.settlement.TestEvents;
import io.fupin.settlement.TestEvents.Event;
import io.fupin.settlement.TestEvents.Line;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/** An order event's record names the trace of the order's request; settlement's log of it carries that trace id. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OrderEventTracingIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void theListenerContinuesTheTraceOfTheRecord(CapturedOutput output) {
        UUID order = UUID.randomUUID();
        Event paid = TestEvents.orderPaid(order, Instant.parse("2031-03-01T02:00:00Z"),
                List.of(new Line(UUID.randomUUID(), UUID.randomUUID(), 1, 900, 0)));
        String traceId = hex(16);
        OrderServiceBook.get().record(paid);

        try (Producer<String, byte[]> producer = new DefaultKafkaProducerFactory<String, byte[]>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)).createProducer()) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(paid.topic(), paid.key(),
                    paid.json().getBytes(StandardCharsets.UTF_8));
            record.headers().add("traceparent", ("00-" + traceId + "-" + hex(8) + "-01").getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?")
                .param(paid.eventId().toString()).query(Long.class).single() == 1);

        String applied = "Applied OrderPaid " + paid.eventId() + " of order " + order;
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains(applied));
        assertThat(output.getOut().lines().filter(line -> line.contains(applied)))
                .singleElement().asString().contains(traceId);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
