package io.fupin.catalog.reservation;

import io.fupin.catalog.product.ProductNotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class StockReservations {

    private final Reservations reservations;
    private final Stock stock;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration holdFor;

    StockReservations(Reservations reservations, Stock stock, TransactionTemplate transactions, Clock clock,
            @Value("${fupin.reservations.hold-for:PT30M}") Duration holdFor) {
        this.reservations = reservations;
        this.stock = stock;
        this.transactions = transactions;
        this.clock = clock;
        this.holdFor = holdFor;
    }

    /**
     * Reserves every line or none. Replaying the same order id returns the first reservation unchanged.
     *
     * @throws SoldOut when a line cannot be covered; nothing is held then
     * @throws ProductNotFound when a line names no product; nothing is held then
     */
    public ReservationView reserve(UUID orderId, List<RequestedLine> requested) {
        try {
            return transactions.execute(tx -> reservations.findById(orderId)
                    .map(ReservationView::of)
                    .orElseGet(() -> ReservationView.of(hold(orderId, requested))));
        } catch (DuplicateKeyException concurrentReplay) {
            // The same order id was reserved concurrently and that one committed first: answer with it.
            return transactions.execute(tx -> ReservationView.of(reservations.findById(orderId).orElseThrow()));
        }
    }

    private Reservation hold(UUID orderId, List<RequestedLine> requested) {
        // Lock rows in one global order so that two multi-line reservations cannot deadlock.
        List<RequestedLine> ordered = requested.stream().sorted(Comparator.comparing(RequestedLine::productId)).toList();
        List<ReservationLine> lines = new ArrayList<>();
        for (RequestedLine line : ordered) {
            if (!stock.take(line.productId(), line.quantity())) {
                throw stock.snapshot(line.productId()).isPresent() ? new SoldOut(line.productId())
                        : new ProductNotFound(line.productId());
            }
            Stock.Snapshot snapshot = stock.snapshot(line.productId()).orElseThrow(() -> new SoldOut(line.productId()));
            lines.add(new ReservationLine(line.productId(), snapshot.sellerId(), line.quantity(), snapshot.priceFen(),
                    snapshot.costFen()));
        }
        Instant now = clock.instant();
        return reservations.save(Reservation.hold(orderId, lines, now, now.plus(holdFor)));
    }

    @Transactional
    public ReservationView confirm(UUID orderId) {
        Reservation reservation = reservations.findById(orderId).orElseThrow(() -> new ReservationNotFound(orderId));
        if (reservation.confirm()) {
            reservations.save(reservation);
        }
        return ReservationView.of(reservation);
    }

    @Transactional
    public ReservationView release(UUID orderId) {
        Reservation reservation = reservations.findById(orderId).orElseThrow(() -> new ReservationNotFound(orderId));
        if (reservation.release()) {
            reservation.lines().forEach(line -> stock.giveBack(line.productId(), line.quantity()));
            reservations.save(reservation);
        }
        return ReservationView.of(reservation);
    }

    public record RequestedLine(UUID productId, int quantity) {
    }

    public record ReservationView(UUID orderId, ReservationStatus status, Instant expiresAt, List<ReservedLine> lines) {
        static ReservationView of(Reservation r) {
            return new ReservationView(r.orderId(), r.status(), r.expiresAt(), r.lines().stream()
                    .map(l -> new ReservedLine(l.productId(), l.sellerId(), l.quantity(), l.priceFen(), l.costFen()))
                    .toList());
        }
    }

    public record ReservedLine(UUID productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen) {
    }
}
