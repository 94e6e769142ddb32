package io.fupin.catalog.reservation;

import io.fupin.catalog.product.ProductCatalog;
import io.fupin.catalog.product.ProductId;
import io.fupin.catalog.product.ProductNotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class StockReservations {

    private final Reservations reservations;
    private final Stock stock;
    private final ProductCatalog catalog;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration holdFor;

    StockReservations(Reservations reservations, Stock stock, ProductCatalog catalog, TransactionTemplate transactions,
            Clock clock, @Value("${fupin.reservations.hold-for:PT30M}") Duration holdFor) {
        this.reservations = reservations;
        this.stock = stock;
        this.catalog = catalog;
        this.transactions = transactions;
        this.clock = clock;
        this.holdFor = holdFor;
    }

    /**
     * Reserves every line or none. Replaying the same order id returns the first reservation unchanged.
     *
     * @throws SoldOut when a line cannot be covered (or its product is not certified and on sale); nothing is held then
     * @throws ProductNotFound when a line names no product; nothing is held then
     */
    @PreAuthorize("hasRole('SERVICE')")
    public ReservationView reserve(UUID orderId, List<RequestedLine> requested) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(tx -> reservations.findById(orderId)
                        .map(ReservationView::of)
                        .orElseGet(() -> ReservationView.of(hold(orderId, requested))));
            } catch (DuplicateKeyException concurrentReplay) {
                // The same order id was reserved concurrently and that one committed first: answer with it.
                return transactions.execute(tx -> ReservationView.of(reservations.findById(orderId).orElseThrow()));
            } catch (PriceMoved moved) {
                if (attempt == 3) {
                    throw new SoldOut(moved.productId);
                }
            }
        }
    }

    /**
     * Reads each line's snapshot first (refusing a line its stock could not cover when read, before writing anything)
     * and writes the reservation, then takes the stock as the last statements
     * before commit: the hot product row stays locked only from its UPDATE to the commit, not across the inserts.
     * The UPDATE is conditional on the price version read, so the snapshot is exactly what was sold.
     */
    private Reservation hold(UUID orderId, List<RequestedLine> requested) {
        LocalDate today = catalog.today();
        // Lock rows in one global order so that two multi-line reservations cannot deadlock.
        List<RequestedLine> ordered = requested.stream()
                .sorted(Comparator.comparing((RequestedLine line) -> line.productId().value())).toList();
        List<ReservationLine> lines = new ArrayList<>();
        for (RequestedLine line : ordered) {
            Stock.Snapshot s = stock.snapshot(line.productId()).orElseThrow(() -> new ProductNotFound(line.productId()));
            if (s.stock() < line.quantity()) {
                // Sold out when read: refused before anything is written (after a livestream sells out, nearly every
                // call is this one). Stock that comes back a moment later is the next call's, as it would be anyway.
                throw new SoldOut(line.productId());
            }
            lines.add(new ReservationLine(line.productId(), s.sellerId(), line.quantity(), s.priceFen(), s.costFen(),
                    s.priceVersion(), s.presaleDeliveryDate(), s.certificateNumber()));
        }
        Instant now = clock.instant();
        Reservation reservation = reservations.save(Reservation.hold(orderId, lines, now, now.plus(holdFor)));
        for (ReservationLine line : lines) {
            if (!stock.take(line.productId(), line.quantity(), today, line.priceVersion())) {
                boolean repriced = stock.snapshot(line.productId())
                        .map(current -> current.priceVersion() != line.priceVersion()).orElse(false);
                throw repriced ? new PriceMoved(line.productId()) : new SoldOut(line.productId());
            }
        }
        return reservation;
    }

    /** The price changed between reading the snapshot and taking the stock: the whole attempt is rolled back. */
    private static final class PriceMoved extends RuntimeException {
        private final ProductId productId;

        PriceMoved(ProductId productId) {
            super(null, null, false, false);
            this.productId = productId;
        }
    }

    /**
     * Confirms a held reservation (payment received); confirming twice is harmless. A hold past its
     * {@code expiresAt} that the expiry job has not released yet still holds its stock, so it can be confirmed.
     *
     * @throws ReservationReleased when it was released before
     */
    @Transactional
    @PreAuthorize("hasRole('SERVICE')")
    public ReservationView confirm(UUID orderId) {
        Reservation reservation = find(orderId);
        if (reservation.status() == ReservationStatus.HELD && reservations.confirmIfHeld(orderId.toString()) == 1) {
            return ReservationView.of(find(orderId));
        }
        Reservation current = find(orderId);
        if (current.status() == ReservationStatus.RELEASED) {
            throw new ReservationReleased(orderId);
        }
        return ReservationView.of(current);
    }

    /**
     * Releases a reservation and gives its stock back exactly once, however often it is called. An order id with no
     * reservation yet is recorded as released, holding nothing: order-service releases what a reservation call whose
     * answer it lost may have held, and that call may still be on its way here; finding the release, it holds nothing.
     */
    @PreAuthorize("hasRole('SERVICE')")
    public ReservationView release(UUID orderId) {
        try {
            return transactions.execute(tx -> releaseNow(orderId));
        } catch (DuplicateKeyException reservedMeanwhile) {
            // The reservation committed between the lookup and the record of the release: release it.
            return transactions.execute(tx -> releaseNow(orderId));
        }
    }

    private ReservationView releaseNow(UUID orderId) {
        Reservation reservation = reservations.findById(orderId).orElse(null);
        if (reservation == null) {
            return ReservationView.of(reservations.save(Reservation.released(orderId, clock.instant())));
        }
        if (reservations.releaseIfNotReleased(orderId.toString()) == 1) {
            reservation.lines().forEach(line -> stock.giveBack(line.productId(), line.quantity()));
        }
        return ReservationView.of(find(orderId));
    }

    /**
     * Releases one hold that was not confirmed by its {@code expiresAt}. The conditional update decides which of
     * several instances (or a concurrent confirm) wins; only the winner gives the stock back.
     *
     * @return whether this call released it
     */
    @Transactional
    public boolean releaseIfExpired(UUID orderId) {
        if (reservations.releaseIfExpired(orderId.toString(), clock.instant()) != 1) {
            return false;
        }
        find(orderId).lines().forEach(line -> stock.giveBack(line.productId(), line.quantity()));
        return true;
    }

    List<UUID> expiredHolds(int limit) {
        return reservations.expiredHolds(clock.instant(), limit).stream().map(UUID::fromString).toList();
    }

    private Reservation find(UUID orderId) {
        return reservations.findById(orderId).orElseThrow(() -> new ReservationNotFound(orderId));
    }

    public record RequestedLine(ProductId productId, int quantity) {
    }

    public record ReservationView(UUID orderId, ReservationStatus status, Instant expiresAt, List<ReservedLine> lines) {
        static ReservationView of(Reservation r) {
            return new ReservationView(r.orderId(), r.status(), r.expiresAt(), r.lines().stream()
                    .map(l -> new ReservedLine(l.productId(), l.sellerId(), l.quantity(), l.priceFen(), l.costFen(),
                            l.priceVersion(), l.presaleDeliveryDate(), l.certificateNumber()))
                    .toList());
        }
    }

    /** One line of the order's snapshot (docs/events.md); {@code priceVersion} is an addition. */
    public record ReservedLine(ProductId productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen,
            int priceVersion, LocalDate presaleDeliveryDate, String certificateNumber) {
    }
}
