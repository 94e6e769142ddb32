package io.fupin.support.events;

import io.fupin.support.kafka.ProcessedEvents;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a record's event exactly once: reads it into the consumer's record ({@link EventReader}), then, in
 * one transaction, records its id for the consumer and applies the effect. A redelivered event finds its id
 * and changes nothing; a failing effect rolls the id back with it and the record is retried.
 */
public class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final JsonMapper json;
    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;
    private final Map<Class<?>, EventReader<?>> readers = new ConcurrentHashMap<>();

    public EventConsumers(JsonMapper json, ProcessedEvents processed, TransactionTemplate transactions) {
        this.json = json;
        this.processed = processed;
        this.transactions = transactions;
    }

    /**
     * @param consumer the name under which the consumer records the event ids it applied
     * @param value    the record's value
     * @param events   the consumer's sealed interface of the topic's events
     * @param handler  the effect, run in the transaction that records the event id, once per event id
     */
    public <E> void apply(String consumer, byte[] value, Class<E> events, EventHandler<E> handler) {
        var event = read(value, events);
        if (event.isEmpty()) {
            // A type the consumer does not read is recorded as seen all the same: what was delivered, and when,
            // reads the same for every event in processed_event.
            transactions.executeWithoutResult(status -> processed.firstDelivery(consumer, eventId(value)));
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (processed.firstDelivery(consumer, event.get().eventId())) {
                handler.apply(event.get());
            } else {
                log.debug("{} {} already applied by {}", event.get().eventType(), event.get().eventId(), consumer);
            }
        });
    }

    private UUID eventId(byte[] value) {
        JsonNode id = json.readTree(value).get("eventId");
        if (id == null || !id.isString()) {
            throw new IllegalArgumentException("An event record without an eventId");
        }
        return UUID.fromString(id.asString());
    }

    /** Reads the record into the consumer's record; empty for an event type the consumer does not read. */
    @SuppressWarnings("unchecked")
    public <E> Optional<EventEnvelope<E>> read(byte[] value, Class<E> events) {
        EventReader<E> reader = (EventReader<E>) readers.computeIfAbsent(events, type -> EventReader.of(json, type));
        return reader.read(value);
    }
}
