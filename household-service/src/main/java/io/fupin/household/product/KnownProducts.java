package io.fupin.household.product;

import io.fupin.support.events.EventEnvelope;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The products catalog-service has announced, each with its seller. Events may arrive late or twice: a state
 * replaces the recorded one only with a higher {@code revision}, so replays and stragglers change nothing.
 */
@Service
public class KnownProducts {

    private static final Logger log = LoggerFactory.getLogger(KnownProducts.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    KnownProducts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Runs in the transaction that records the event's id (the product events listener's). */
    void apply(EventEnvelope<ProductEventMessage> event) {
        ProductEventMessage.State state = event.payload().product();
        if (state == null || state.productId() == null || state.sellerId() == null) {
            throw new IllegalArgumentException("Product event " + event.eventId() + " names no product or seller");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                INSERT IGNORE INTO known_product (product_id, seller_id, status, revision, recorded_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(state.productId().toString(), state.sellerId().toString(), String.valueOf(state.status()),
                        state.revision(), now)
                .update();
        if (inserted == 0) {
            jdbc.sql("""
                    UPDATE known_product SET seller_id = ?, status = ?, revision = ?, recorded_at = ?
                    WHERE product_id = ? AND revision < ?""")
                    .params(state.sellerId().toString(), String.valueOf(state.status()), state.revision(), now,
                            state.productId().toString(), state.revision())
                    .update();
        }
        log.debug("{} of product {} (revision {}) recorded", event.eventType(), state.productId(), state.revision());
    }

    /** The seller of a product catalog-service has announced; empty until its first event arrived. */
    @Transactional(readOnly = true)
    public Optional<UUID> ownerOf(UUID productId) {
        return jdbc.sql("SELECT seller_id FROM known_product WHERE product_id = ?").param(productId.toString())
                .query(String.class).optional().map(UUID::fromString);
    }
}
