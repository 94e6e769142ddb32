package io.fupin.catalog.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A reservation of stock for one order; its status moves only through conditional updates ({@link Reservations}). */
@Table("reservation")
class Reservation {

    @Id
    private final UUID orderId;
    private final ReservationStatus status;
    private final Instant createdAt;
    private final Instant expiresAt;
    @MappedCollection(idColumn = "order_id", keyColumn = "line_no")
    private final List<ReservationLine> lines;
    @Version
    private Long version;

    Reservation(UUID orderId, ReservationStatus status, Instant createdAt, Instant expiresAt, List<ReservationLine> lines,
            Long version) {
        this.orderId = orderId;
        this.status = status;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.lines = lines;
        this.version = version;
    }

    static Reservation hold(UUID orderId, List<ReservationLine> lines, Instant now, Instant expiresAt) {
        return new Reservation(orderId, ReservationStatus.HELD, now, expiresAt, List.copyOf(lines), null);
    }

    /** The release of an order id never reserved: it holds nothing, and a later reservation of the id finds it. */
    static Reservation released(UUID orderId, Instant now) {
        return new Reservation(orderId, ReservationStatus.RELEASED, now, now, List.of(), null);
    }

    UUID orderId() {
        return orderId;
    }

    ReservationStatus status() {
        return status;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    List<ReservationLine> lines() {
        return lines;
    }
}
