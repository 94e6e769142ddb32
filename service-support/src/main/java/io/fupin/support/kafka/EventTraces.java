package io.fupin.support.kafka;

import io.fupin.support.events.EventTopics;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Carries the trace of the request that wrote an event envelope to the outbox onto the Kafka record that publishes
 * it (envelopes whose payload names an {@code @EventTopic}, the ones the outbox sends).
 * The outbox sends later, on its own thread, where that request's trace is gone: so the W3C {@code traceparent}
 * (and {@code tracestate}) is taken when the event is published inside the transaction, kept beside the event,
 * and handed to the record as headers when the outbox sends it; the consumer's listener continues the trace.
 * <p>
 * Kept in memory only, weakly, for as long as the event itself is: a record the outbox resends after a restart
 * starts a trace of its own.
 */
public class EventTraces implements ApplicationListener<PayloadApplicationEvent<?>> {

    // Looked up when first needed: the outbox's configuration, which uses this, is built before tracing is.
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;
    private final Map<Object, Map<String, Object>> headers = Collections.synchronizedMap(new WeakHashMap<>());

    public EventTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<?> published) {
        Object event = published.getPayload();
        Span span = tracer.getObject().currentSpan();
        if (span == null || EventTopics.ofEvent(event).isEmpty()) {
            return;
        }
        Map<String, Object> context = new HashMap<>();
        // Raw bytes: the record's header mapper would write a String as JSON, quotes and all.
        propagator.getObject().inject(span.context(), context, (carrier, key, value) -> carrier.put(key,
                value.getBytes(StandardCharsets.UTF_8)));
        headers.put(event, Map.copyOf(context));
    }

    /** The trace headers for the record of {@code event}: none when it was written outside any trace. */
    public Map<String, Object> headersFor(Object event) {
        Map<String, Object> context = headers.get(event);
        return context == null ? Map.of() : context;
    }
}
