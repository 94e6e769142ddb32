package io.fupin.settlement.intake;

import io.fupin.support.events.EventConsumers;
import io.fupin.support.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order events that arrived before the payment they follow. Kept in the transaction that records their
 * id as processed, so they are neither dropped nor applied twice; taken back when the payment arrives.
 */
@Repository
class WaitingOrderEvents {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EventConsumers events;

    WaitingOrderEvents(JdbcClient jdbc, JsonMapper json, EventConsumers events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    void keep(UUID orderId, EventEnvelope<OrderEventMessage> event, Instant now) {
        jdbc.sql("""
                INSERT INTO waiting_order_event (event_id, order_id, event_type, sequence, occurred_at, received_at, envelope)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(event.eventId().toString(), orderId.toString(), event.eventType(), event.sequence(),
                        Timestamp.from(event.occurredAt()), Timestamp.from(now), json.writeValueAsString(event))
                .update();
    }

    /**
     * Removes and returns the order's waiting events in the order they happened: the producer's sequence
     * where it has one, else when they occurred; a cancellation after the refund emitted with it.
     */
    List<EventEnvelope<OrderEventMessage>> takeAll(UUID orderId) {
        List<EventEnvelope<OrderEventMessage>> waiting = jdbc.sql("""
                SELECT envelope FROM waiting_order_event WHERE order_id = ?
                ORDER BY sequence IS NULL, sequence, occurred_at, event_type = 'OrderCancelled', received_at
                FOR UPDATE""")
                .param(orderId.toString())
                .query((rs, n) -> events.read(rs.getString(1).getBytes(StandardCharsets.UTF_8), OrderEventMessage.class).orElseThrow()).list();
        jdbc.sql("DELETE FROM waiting_order_event WHERE order_id = ?").param(orderId.toString()).update();
        return waiting;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM waiting_order_event").query(Long.class).single();
    }

    /** The waiting events, longest waiting first. */
    List<ParkedEvents.ParkedEvent> page(int offset, int size) {
        return jdbc.sql("""
                SELECT event_id, order_id, event_type, sequence, occurred_at, received_at FROM waiting_order_event
                ORDER BY received_at, event_id LIMIT ? OFFSET ?""")
                .params(size, offset)
                .query((rs, n) -> new ParkedEvents.ParkedEvent(UUID.fromString(rs.getString("event_id")),
                        UUID.fromString(rs.getString("order_id")), rs.getString("event_type"),
                        rs.getObject("sequence") == null ? null : rs.getLong("sequence"), ParkedEvents.AWAITS,
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    /** How many waiting events happened in [from, to). */
    long countBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM waiting_order_event WHERE occurred_at >= ? AND occurred_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
    }

    /** The orders with an event waiting that happened in [from, to). */
    List<UUID> ordersBetween(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT DISTINCT order_id FROM waiting_order_event WHERE occurred_at >= ? AND occurred_at < ?
                ORDER BY order_id""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> UUID.fromString(rs.getString(1))).list();
    }
}
