package io.fupin.catalog.search;

import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

/**
 * The search consumer's own listener container: unlike the services' default (bounded retries, then the
 * dead-letter topic), an unreachable Elasticsearch is waited for with backoff for as long as it takes; only a
 * record that cannot be read goes to {@code -dlt}.
 */
@Configuration(proxyBeanMethods = false)
class SearchListenerConfiguration {

    static final String FACTORY = "searchIndexListenerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> searchIndexListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            KafkaOperations<Object, Object> template) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        ExponentialBackOff waitForCluster = new ExponentialBackOff(500, 2.0);
        waitForCluster.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(record.topic() + "-dlt", -1)), waitForCluster);
        handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class);
        factory.setCommonErrorHandler(handler);
        return factory;
    }
}
