package io.fupin.support.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a producer's sealed interface of a topic's events: every {@link EventEnvelope} whose payload is one of them
 * goes to this topic, keyed by the envelope's {@code aggregateId} (so an aggregate's events share a partition).
 * {@link EventProducersAutoConfiguration} routes them; an envelope of any other payload stays in the service.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventTopic {

    /** The topic's name, {@code <service>.<events>.v<n>}. */
    String value();
}
