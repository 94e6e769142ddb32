/**
 * The event library: one envelope for every event, producers' typed records routed to their topic through the
 * outbox, consumers' typed reading and exactly-once application.
 */
package io.fupin.support.events;
