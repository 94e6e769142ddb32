package io.fupin.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

/** The records the outbox sends name no Java class: the envelope is the whole contract. */
class EventRecordsAutoConfigurationTests {

    record OrderPaid(UUID orderId, long amountFen) {
    }

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
                    org.springframework.util.ClassUtils.resolveClassName(
                            "org.springframework.modulith.events.kafka.KafkaJacksonConfiguration", null),
                    EventRecordsAutoConfiguration.class));

    @Test
    void anExternalizedEventCarriesNoTypeHeader() {
        context.run(app -> {
            KafkaTemplate<?, ?> kafka = app.getBean(KafkaTemplate.class);
            ProducerRecord<?, ?> record = kafka.getMessageConverter().fromMessage(
                    MessageBuilder.withPayload(new OrderPaid(UUID.randomUUID(), 1990))
                            .setHeader(KafkaHeaders.TOPIC, "order-service.order-events.v1").build(),
                    "order-service.order-events.v1");
            assertThat(record.headers().toArray()).extracting(Header::key)
                    .noneMatch(key -> key.startsWith("__"));
            assertThat(new String((byte[]) record.value())).contains("\"amountFen\":1990");
        });
    }
}
