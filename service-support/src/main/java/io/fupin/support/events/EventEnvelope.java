package io.fupin.support.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fupin.support.id.Identifier;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every topic: the event's identity and time, the aggregate it belongs to (the record's key),
 * and the event itself as a typed record. {@code eventType} is the record's simple name; {@code sequence}
 * numbers an aggregate's events where its producer keeps one (order events) and is left out elsewhere.
 * <p>
 * A producer publishes its events as envelopes of its own records, one per event type under a sealed interface
 * per topic that names the topic ({@link EventTopic}); Spring Modulith's outbox sends them after commit, keyed by
 * {@code aggregateId}.
 * <p>
 * A consumer reads a record into its own records, one per event type under a sealed interface, with
 * {@link EventReader}, and applies it once with {@link EventConsumers}.
 *
 * @param <P> the sealed interface of the topic's events
 */
public record EventEnvelope<P>(UUID eventId, String eventType, int eventVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long sequence, Instant occurredAt, String aggregateId,
        P payload) {

    public static final int VERSION = 1;

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(aggregateId, "aggregateId");
    }

    /** A new event of the aggregate, with a fresh id. */
    public static <P> EventEnvelope<P> of(Object aggregateId, Instant occurredAt, P payload) {
        return new EventEnvelope<>(UUID.randomUUID(), payload.getClass().getSimpleName(), VERSION, null, occurredAt,
                key(aggregateId), payload);
    }

    /** A new event of the aggregate, numbered {@code sequence} among the aggregate's events. */
    public static <P> EventEnvelope<P> of(Object aggregateId, long sequence, Instant occurredAt, P payload) {
        return new EventEnvelope<>(UUID.randomUUID(), payload.getClass().getSimpleName(), VERSION, sequence,
                occurredAt, key(aggregateId), payload);
    }

    /** The aggregate's id as the record's key: a typed id ({@link Identifier}) is the UUID it wraps. */
    private static String key(Object aggregateId) {
        return aggregateId instanceof Identifier id ? id.value().toString() : aggregateId.toString();
    }
}
