package io.fupin.support.kafka;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consumer half of exactly-once effects: each service keeps a {@code processed_event} table and
 * records an event's id in the same transaction as the event's effect. A redelivered event finds its
 * id already there and is skipped; a rolled-back effect rolls the id back with it.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code consumer} handles {@code eventId} now.
     *
     * @return {@code true} the first time, {@code false} for a duplicate (whose effect is already committed
     *         or is being committed by a concurrent delivery, which this call waits for)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return jdbc.update("INSERT IGNORE INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, ?)",
                consumer, eventId.toString(), Timestamp.from(Instant.now())) == 1;
    }
}
