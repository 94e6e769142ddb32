package io.fupin.support.events;

import java.nio.charset.StandardCharsets;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes events to the outbox as JSON, an {@link EventEnvelope} with its payload's class beside it
 * ({@value #PAYLOAD_CLASS}), so that an envelope read back from the outbox (resubmitted after a broker failure,
 * republished at start-up) has its typed payload again: routed to its topic, seen by in-process listeners as
 * the record it was. Only the outbox holds that field; the topic's record is the envelope alone.
 * <p>
 * Entries written before the producers published this envelope name their former envelope class as the event's
 * type; each such class is now the producer's sealed interface of the topic's events (same name), so such an
 * entry reads as this envelope, its payload's record chosen by {@code eventType}: the outbox's last entries of
 * before an upgrade still go out, and the service still starts.
 */
public class OutboxEventSerializer implements EventSerializer {

    static final String PAYLOAD_CLASS = "outboxPayloadClass";

    private final JsonMapper json;

    public OutboxEventSerializer(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Object serialize(Object event) {
        if (event instanceof EventEnvelope<?> envelope) {
            ObjectNode tree = json.valueToTree(envelope);
            tree.put(PAYLOAD_CLASS, envelope.payload().getClass().getName());
            return json.writeValueAsString(tree);
        }
        return json.writeValueAsString(event);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T deserialize(Object serialized, Class<T> type) {
        if (type.isInterface() && type.isAnnotationPresent(EventTopic.class)) {
            return (T) EventReader.of(json, type).read(serialized.toString().getBytes(StandardCharsets.UTF_8))
                    .orElseThrow(() -> new IllegalArgumentException("An outbox entry of " + type.getName()
                            + " of an event type it does not declare"));
        }
        if (!EventEnvelope.class.equals(type)) {
            return json.readValue(serialized.toString(), type);
        }
        JsonNode tree = json.readTree(serialized.toString());
        JsonNode payloadClass = tree.get(PAYLOAD_CLASS);
        if (payloadClass == null || !payloadClass.isString()) {
            throw new IllegalArgumentException("An outbox envelope without " + PAYLOAD_CLASS);
        }
        ((ObjectNode) tree).remove(PAYLOAD_CLASS);
        try {
            Class<?> payload = Class.forName(payloadClass.asString(), false, type.getClassLoader());
            JavaType envelope = json.getTypeFactory().constructParametricType(EventEnvelope.class, payload);
            return json.treeToValue(tree, envelope);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("An outbox envelope of an unknown payload " + payloadClass.asString(), e);
        }
    }
}
