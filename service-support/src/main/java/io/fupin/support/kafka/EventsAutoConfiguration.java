package io.fupin.support.kafka;

import io.fupin.support.crypto.KeyRing;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;

/**
 * Kafka and outbox settings every service shares: readiness includes the broker; a record that fails is
 * retried until it succeeds, and only one that can never be read goes to {@code <topic>-dlt}, where
 * {@link DeadLetters} lists, counts and replays it; outbox entries that did not reach Kafka (broker down,
 * crash after commit) are sent again.
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

    /**
     * A record whose handling fails is tried again, with growing pauses up to {@code fupin.events.retry.max-interval},
     * for as long as it takes: a database, network or broker failure passes. During each pause only the record's
     * partition is paused (the listener's thread goes on with its other partitions), and that partition does not
     * move past the record meanwhile. Only a record that can never be read (not JSON, fields that do not parse, a
     * sealed value that opens under none of the keys, a number that overflows, a value the database refuses as
     * data) goes to {@code <topic>-dlt} at once, to be listed and replayed through {@link DeadLetters}.
     */
    @Bean
    @ConditionalOnBean(KafkaOperations.class)
    CommonErrorHandler deadLetteringErrorHandler(KafkaOperations<Object, Object> template,
            ObjectProvider<KafkaListenerEndpointRegistry> registry,
            @Value("${fupin.events.retry.first-interval:PT0.5S}") Duration firstInterval,
            @Value("${fupin.events.retry.max-interval:PT10S}") Duration maxInterval) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(record.topic() + DeadLetters.SUFFIX, -1));
        ExponentialBackOff backOff = new ExponentialBackOff(firstInterval.toMillis(), 2.0);
        backOff.setMaxInterval(maxInterval.toMillis());
        backOff.setMaxAttempts(Integer.MAX_VALUE);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        ThreadPoolTaskScheduler resumer = new ThreadPoolTaskScheduler();
        resumer.setThreadNamePrefix("kafka-partition-resume-");
        resumer.setDaemon(true);
        resumer.initialize();
        DefaultErrorHandler handler = PartitionPausingErrorHandler.of(recoverer, backOff,
                new ListenerContainerPauseService(registry.getIfAvailable(), resumer));
        // A record that cannot be read will not become readable by trying again.
        handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class,
                DeserializationException.class, KeyRing.UnreadableValue.class, ArithmeticException.class);
        // Nor will one whose values the database refuses as data (too long, out of range): dead-lettered at once
        // rather than holding its partition for ever.
        handler.setBackOffFunction((record, exception) -> refusedAsData(exception) ? new FixedBackOff(0, 0) : null);
        return handler;
    }

    /**
     * A value the database refuses as such, whatever the moment: an SQL state of class 22 (data exception: a
     * string too long, a number out of range, an invalid date) anywhere in the chain of causes.
     */
    static boolean refusedAsData(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({KafkaOperations.class, KafkaListenerEndpointRegistry.class})
    static class DeadLettersConfiguration {

        @Bean
        DeadLetters deadLetters(KafkaProperties properties, KafkaOperations<Object, Object> template,
                KafkaListenerEndpointRegistry registry,
                @Value("${spring.application.name:service}") String application) {
            return new DeadLetters(properties.buildConsumerProperties(), application + "-dead-letters", template,
                    () -> registry.getListenerContainers().stream()
                            .map(container -> container.getContainerProperties().getTopics())
                            .filter(java.util.Objects::nonNull)
                            .flatMap(java.util.Arrays::stream).toList());
        }

        @Bean
        @ConditionalOnProperty("fupin.events.dead-letters.path")
        @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
        DeadLetterController deadLetterController(DeadLetters deadLetters) {
            return new DeadLetterController(deadLetters);
        }

        @Bean(name = "deadLettersHealthIndicator")
        @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
        DeadLettersHealthIndicator deadLettersHealthIndicator(DeadLetters deadLetters) {
            return new DeadLettersHealthIndicator(deadLetters);
        }

        /** {@code fupin.events.dead.letters{topic}}: outstanding dead letters, registered once the listeners exist. */
        @Bean
        @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
        @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
        ApplicationListener<ApplicationReadyEvent> deadLetterGauges(DeadLetters deadLetters,
                io.micrometer.core.instrument.MeterRegistry meters) {
            return event -> deadLetters.topics().forEach(topic -> io.micrometer.core.instrument.Gauge
                    .builder("fupin.events.dead.letters", deadLetters, d -> {
                        try {
                            return d.outstanding().getOrDefault(topic, 0L);
                        } catch (RuntimeException e) {
                            return Double.NaN;
                        }
                    })
                    .description("Records on the dead-letter topic not replayed yet")
                    .tag("topic", topic).register(meters));
        }
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

    /** {@code fupin.outbox.backlog}: events written to the outbox and not yet acknowledged by Kafka. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnBean(type = "org.springframework.modulith.events.IncompleteEventPublications",
            value = JdbcTemplate.class)
    static class OutboxBacklogConfiguration {

        @Bean
        io.micrometer.core.instrument.binder.MeterBinder outboxBacklog(JdbcTemplate jdbc) {
            return meters -> io.micrometer.core.instrument.Gauge.builder("fupin.outbox.backlog", () -> {
                        try {
                            return jdbc.queryForObject(
                                    "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL", Long.class);
                        } catch (RuntimeException e) {
                            return Double.NaN;
                        }
                    })
                    .description("Outbox entries not yet published to Kafka")
                    .register(meters);
        }
    }

    /**
     * Sends again what the outbox could not: every {@code fupin.outbox.resubmit-every} (15 s), entries whose send
     * failed, at most {@code fupin.outbox.resubmit-in-flight} (100) at a time. An entry left in flight by a process
     * that died (sent or not, its acknowledgement never recorded: {@code PUBLISHED}, {@code PROCESSING}, or
     * {@code RESUBMITTED} by an instance killed mid-resubmission) counts as failed once it has been in flight for
     * {@code fupin.outbox.stale-after} (2 min), so no entry waits for ever. An entry merely queued behind a backlog
     * is not sent twice before then; an entry sent twice is applied once (consumers record its event id).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(IncompleteEventPublications.class)
    @ConditionalOnBean(IncompleteEventPublications.class)
    @EnableScheduling
    static class OutboxResubmission {

        private final IncompleteEventPublications incomplete;
        private final JdbcTemplate jdbc;
        private final Duration staleAfter;
        private final ResubmissionOptions options;

        OutboxResubmission(IncompleteEventPublications incomplete, JdbcTemplate jdbc,
                @Value("${fupin.outbox.stale-after:PT2M}") Duration staleAfter,
                @Value("${fupin.outbox.resubmit-in-flight:100}") int inFlight) {
            this.incomplete = incomplete;
            this.jdbc = jdbc;
            this.staleAfter = staleAfter;
            this.options = ResubmissionOptions.defaults().withMaxInFlight(inFlight);
        }

        @Scheduled(fixedDelayString = "${fupin.outbox.resubmit-every:PT15S}", initialDelayString = "${fupin.outbox.resubmit-every:PT15S}")
        void resubmit() {
            try {
                int stale = markStaleAsFailed();
                if (stale > 0) {
                    log.warn("{} outbox entries in flight for over {} count as failed and are sent again", stale,
                            staleAfter);
                }
                incomplete.resubmitIncompletePublications(options);
            } catch (RuntimeException e) {
                log.warn("Could not resubmit outbox entries yet: {}", e.getMessage());
            }
        }

        /**
         * A resubmitted entry is measured from its resubmission, the others from their publication (the library's
         * own staleness check measures every state from the publication, so an old entry resubmitted a second ago
         * would count as stale at once and be sent again on every round).
         */
        private int markStaleAsFailed() {
            Timestamp before = Timestamp.from(Instant.now().minus(staleAfter));
            return jdbc.update("""
                    UPDATE EVENT_PUBLICATION SET STATUS = 'FAILED'
                    WHERE COMPLETION_DATE IS NULL
                      AND ((STATUS IN ('PUBLISHED', 'PROCESSING') AND PUBLICATION_DATE < ?)
                        OR (STATUS = 'RESUBMITTED' AND COALESCE(LAST_RESUBMISSION_DATE, PUBLICATION_DATE) < ?))""",
                    before, before);
        }
    }
}
