package io.fupin.support.kafka;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.EventExternalizationConfiguration;

/**
 * W3C {@code traceparent} on every event record: taken when an event envelope is written to the outbox
 * ({@link EventTraces}), put on the record by the {@code @EventTopic} externalization
 * ({@code EventProducersAutoConfiguration}). Listeners continue the trace with
 * {@code spring.kafka.listener.observation-enabled}.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        beforeName = "io.fupin.support.events.EventProducersAutoConfiguration")
@ConditionalOnClass({Tracer.class, EventExternalizationConfiguration.class})
public class EventTracingAutoConfiguration {

    @Bean
    @ConditionalOnBean({Tracer.class, Propagator.class})
    EventTraces eventTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTraces(tracer, propagator);
    }
}
