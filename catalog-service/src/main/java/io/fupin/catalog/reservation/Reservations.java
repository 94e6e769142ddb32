package io.fupin.catalog.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface Reservations extends ListCrudRepository<Reservation, UUID> {

    /**
     * The status moves only through these conditional updates: of two concurrent callers (an API call and
     * the expiry job, or two instances of the job) exactly one sees a changed row and gives stock back.
     */
    @Modifying
    @Query("UPDATE reservation SET status = 'CONFIRMED', version = version + 1 WHERE order_id = :orderId AND status = 'HELD'")
    int confirmIfHeld(@Param("orderId") String orderId);

    @Modifying
    @Query("UPDATE reservation SET status = 'RELEASED', version = version + 1 WHERE order_id = :orderId AND status IN ('HELD', 'CONFIRMED')")
    int releaseIfNotReleased(@Param("orderId") String orderId);

    @Modifying
    @Query("UPDATE reservation SET status = 'RELEASED', version = version + 1 WHERE order_id = :orderId AND status = 'HELD' AND expires_at < :now")
    int releaseIfExpired(@Param("orderId") String orderId, @Param("now") Instant now);

    @Query("SELECT order_id FROM reservation WHERE status = 'HELD' AND expires_at < :now ORDER BY expires_at LIMIT :limit")
    List<String> expiredHolds(@Param("now") Instant now, @Param("limit") int limit);
}
