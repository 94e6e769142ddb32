package io.fupin.support.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a topic's records into a consumer's own records: one record per event type it reads, each named as
 * the producer's {@code eventType}, all permitted by one sealed interface. Fields the consumer does not
 * declare are ignored; an event type it does not declare is skipped (empty), so producers may add both.
 * A record that is not an envelope, or whose payload does not fit the consumer's record, throws
 * {@link IllegalArgumentException} or a {@code JacksonException}: it can never be read, and goes to the
 * dead-letter topic at once.
 *
 * @param <E> the consumer's sealed interface of the topic's events
 */
public final class EventReader<E> {

    private final JsonMapper json;
    private final Map<String, JavaType> types = new HashMap<>();

    private EventReader(JsonMapper json, Class<E> events) {
        this.json = json;
        if (!events.isSealed()) {
            throw new IllegalArgumentException(events.getName() + " must be a sealed interface of the event records");
        }
        for (Class<?> type : events.getPermittedSubclasses()) {
            types.put(type.getSimpleName(),
                    json.getTypeFactory().constructParametricType(EventEnvelope.class, type));
        }
    }

    public static <E> EventReader<E> of(JsonMapper json, Class<E> events) {
        return new EventReader<>(json, events);
    }

    /** The envelope with its payload as the consumer's record, or empty for an event type the consumer does not read. */
    public Optional<EventEnvelope<E>> read(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("An event record without a value");
        }
        JsonNode envelope = json.readTree(value);
        JsonNode eventType = envelope.get("eventType");
        if (eventType == null || !eventType.isString()) {
            throw new IllegalArgumentException("An event record without an eventType");
        }
        JavaType type = types.get(eventType.asString());
        if (type == null) {
            return Optional.empty();
        }
        EventEnvelope<E> event = json.treeToValue(envelope, type);
        if (event.payload() == null) {
            throw new IllegalArgumentException(event.eventType() + " " + event.eventId() + " has no payload");
        }
        return Optional.of(event);
    }
}
