package io.fupin.support.kafka;

import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

/**
 * Kafka and outbox settings every service shares: readiness includes the broker; a record that keeps
 * failing goes to {@code <topic>-dlt} after bounded retries instead of blocking its partition; outbox
 * entries that did not reach Kafka (broker down, crash after commit) are sent again.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.modulith.events.config.EventPublicationAutoConfiguration"})
@ConditionalOnClass(KafkaAdmin.class)
public class EventsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventsAutoConfiguration.class);

    @Bean(name = "kafkaHealthIndicator")
    @ConditionalOnBean(KafkaAdmin.class)
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin, Duration.ofSeconds(3));
    }

    @Bean
    @ConditionalOnBean(KafkaOperations.class)
    CommonErrorHandler deadLetteringErrorHandler(KafkaOperations<Object, Object> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(record.topic() + "-dlt", -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(4);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // A record that cannot be read will not become readable by trying again.
        handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class);
        return handler;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    static class ProcessedEventsConfiguration {

        @Bean
        @ConditionalOnBean(JdbcTemplate.class)
        ProcessedEvents processedEvents(JdbcTemplate jdbc) {
            return new ProcessedEvents(jdbc);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(IncompleteEventPublications.class)
    @ConditionalOnBean(IncompleteEventPublications.class)
    @EnableScheduling
    static class OutboxResubmission {

        private final IncompleteEventPublications incomplete;
        private final Duration olderThan;

        OutboxResubmission(IncompleteEventPublications incomplete,
                @Value("${fupin.outbox.resubmit-older-than:PT30S}") Duration olderThan) {
            this.incomplete = incomplete;
            this.olderThan = olderThan;
        }

        @Scheduled(fixedDelayString = "${fupin.outbox.resubmit-every:PT15S}", initialDelayString = "${fupin.outbox.resubmit-every:PT15S}")
        void resubmit() {
            try {
                incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
            } catch (RuntimeException e) {
                log.warn("Could not resubmit outbox entries yet: {}", e.getMessage());
            }
        }
    }
}
