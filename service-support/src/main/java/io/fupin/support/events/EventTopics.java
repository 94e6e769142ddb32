package io.fupin.support.events;

import java.util.Optional;

/** Where a producer's envelopes go: the {@link EventTopic} on their payload's sealed interface. */
public final class EventTopics {

    private EventTopics() {
    }

    /** The topic of an envelope's payload (its record's or one of its interfaces' {@link EventTopic}); empty if none. */
    public static Optional<String> of(Object payload) {
        if (payload == null) {
            return Optional.empty();
        }
        Class<?> type = payload.getClass();
        EventTopic topic = type.getAnnotation(EventTopic.class);
        if (topic != null) {
            return Optional.of(topic.value());
        }
        for (Class<?> implemented : type.getInterfaces()) {
            topic = implemented.getAnnotation(EventTopic.class);
            if (topic != null) {
                return Optional.of(topic.value());
            }
        }
        return Optional.empty();
    }

    /** The topic of an envelope; empty for anything else or an envelope the service keeps. */
    public static Optional<String> ofEvent(Object event) {
        return event instanceof EventEnvelope<?> envelope ? of(envelope.payload()) : Optional.empty();
    }
}
