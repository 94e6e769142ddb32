package io.fupin.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.kafka.EventTraces;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.modulith.events.EventExternalizationConfiguration;

/**
 * The trace of the code that publishes an envelope becomes the W3C headers of its record, through the
 * {@code @EventTopic} externalization; nothing for events outside a trace or kept in the service.
 */
class EventTracingTests {

    @EventTopic("test-service.parcel-events.v1")
    sealed interface ParcelEvent {

        record ParcelSent(UUID parcelId) implements ParcelEvent {
        }
    }

    record ParcelCounted(int count) {
    }

    final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {
    });
    final Propagator propagator = new OtelPropagator(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
    final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    final EventTraces traces = new EventTraces(beans.getBeanProvider(Tracer.class),
            beans.getBeanProvider(Propagator.class));
    final EventExternalizationConfiguration routing;

    EventTracingTests() {
        beans.addBean("tracer", tracer);
        beans.addBean("propagator", propagator);
        beans.addBean("eventTraces", traces);
        routing = new EventProducersAutoConfiguration().eventTopics(beans.getBeanProvider(EventTraces.class));
    }

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void anEnvelopePublishedInATraceCarriesItsTraceparent() {
        UUID parcel = UUID.randomUUID();
        var sent = EventEnvelope.of(parcel, Instant.now(), new ParcelEvent.ParcelSent(parcel));
        Span span = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            traces.onApplicationEvent(new PayloadApplicationEvent<>(this, sent));
        } finally {
            span.end();
        }

        Object header = routing.getHeadersFor(sent).get("traceparent");
        assertThat(header).isInstanceOf(byte[].class);
        assertThat(new String((byte[]) header, StandardCharsets.UTF_8))
                .isEqualTo("00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");
    }

    @Test
    void anEnvelopePublishedOutsideATraceAndAnEventKeptInTheServiceCarryNone() {
        UUID parcel = UUID.randomUUID();
        var untraced = EventEnvelope.of(parcel, Instant.now(), new ParcelEvent.ParcelSent(parcel));
        traces.onApplicationEvent(new PayloadApplicationEvent<>(this, untraced));

        var kept = new ParcelCounted(3);
        Span span = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            traces.onApplicationEvent(new PayloadApplicationEvent<>(this, kept));
        } finally {
            span.end();
        }

        assertThat(routing.getHeadersFor(untraced)).isEmpty();
        assertThat(traces.headersFor(kept)).isEmpty();
    }
}
