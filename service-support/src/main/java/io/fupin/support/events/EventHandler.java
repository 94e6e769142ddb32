package io.fupin.support.events;

/**
 * A consumer's effect of one topic's events. Implementations switch over the payload's sealed type, so the
 * compiler checks every event type the consumer reads is handled.
 *
 * @param <E> the consumer's sealed interface of the topic's events
 */
@FunctionalInterface
public interface EventHandler<E> {

    void apply(EventEnvelope<E> event);
}
