package io.fupin.support.kafka;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A broker of the test class's own with its topic and the topic's dead letters, and an application of one listener
 * on Kafka's and this library's auto-configuration, reading strings and acknowledging record by record, as the
 * services' listeners do: {@code @RegisterExtension static final ListenerHarness harness = new ListenerHarness(TOPIC, 2);}
 */
final class ListenerHarness implements BeforeAllCallback, AfterAllCallback {

    private final String topic;
    private final int partitions;
    private EmbeddedKafkaKraftBroker broker;

    ListenerHarness(String topic, int partitions) {
        this.topic = topic;
        this.partitions = partitions;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = new EmbeddedKafkaKraftBroker(1, partitions, topic, topic + DeadLetters.SUFFIX);
        broker.afterPropertiesSet();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        broker.destroy();
    }

    /** The application of {@code listener}, which tries a failing record again after {@code retryEvery}. */
    ApplicationContextRunner application(Class<?> listener, Duration retryEvery) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, EventsAutoConfiguration.class))
                .withUserConfiguration(listener)
                .withInitializer(context -> context.getBeanFactory()
                        .setConversionService(ApplicationConversionService.getSharedInstance()))
                .withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "spring.kafka.consumer.auto-offset-reset=earliest",
                        "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                        "spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                        "spring.kafka.listener.ack-mode=record",
                        "fupin.events.retry.first-interval=" + retryEvery, "fupin.events.retry.max-interval=" + retryEvery);
    }

    /** The application's template, to send the test's records with. */
    @SuppressWarnings("unchecked")
    static KafkaTemplate<Object, Object> kafka(ApplicationContext application) {
        return application.getBean(KafkaTemplate.class);
    }

    /** How many of the topic's records wait in its dead-letter topic. */
    long deadLettered(ApplicationContext application) {
        return application.getBean(DeadLetters.class).outstanding().get(topic + DeadLetters.SUFFIX);
    }
}
