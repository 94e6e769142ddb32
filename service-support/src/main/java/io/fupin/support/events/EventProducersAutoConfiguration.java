package io.fupin.support.events;

import io.fupin.support.kafka.EventTraces;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Producers: every {@link EventEnvelope} whose payload's sealed interface names an {@link EventTopic} is sent
 * there after commit (through Spring Modulith's outbox), keyed by its {@code aggregateId}; the outbox keeps
 * envelopes with their payload's type ({@link OutboxEventSerializer}). Where tracing is on, each record carries the
 * W3C {@code traceparent} of the request that wrote its event ({@link EventTraces}).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
        "org.springframework.modulith.events.jackson.JacksonEventSerializationConfiguration"})
@ConditionalOnClass({EventExternalizationConfiguration.class, EventSerializer.class, JsonMapper.class})
public class EventProducersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventExternalizationConfiguration eventTopics(ObjectProvider<EventTraces> traces) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> EventTopics.ofEvent(event).isPresent())
                .routeAll(event -> RoutingTarget.forTarget(EventTopics.ofEvent(event).orElseThrow())
                        .andKey(((EventEnvelope<?>) event).aggregateId()))
                // The trace of the request that wrote the event, where tracing is on (EventTracingAutoConfiguration).
                .headers(event -> {
                    EventTraces known = traces.getIfAvailable();
                    return known == null ? Map.of() : known.headersFor(event);
                })
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    EventSerializer outboxEventSerializer(ObjectProvider<JsonMapper> json) {
        return new OutboxEventSerializer(json.getIfUnique(JsonMapper::new));
    }
}
