package io.fupin.order.checkout;

import io.fupin.order.stock.CatalogStock;
import io.fupin.order.stock.CatalogStock.Reservation;
import io.fupin.support.identity.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class Checkout {

    private final Orders orders;
    private final CatalogStock stock;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Checkout(Orders orders, CatalogStock stock, TransactionTemplate transactions, Clock clock) {
        this.orders = orders;
        this.stock = stock;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Places order {@code orderId}: reserves its stock in catalog-service, then stores the order and its
     * {@code OrderPlaced} event in one transaction. Idempotent by order id, so a request interrupted at any
     * point (crash, timeout) can be resumed with the same id: the reservation is replayed, not repeated.
     *
     * @throws CatalogStock.SoldOut when a line cannot be covered; nothing is stored
     * @throws CatalogStock.CatalogUnavailable when stock cannot be reserved now; nothing is stored
     */
    public OrderView place(UUID orderId, Caller caller, PlaceOrder request) {
        Optional<Order> existing = orders.findById(orderId);
        if (existing.isPresent()) {
            return OrderView.of(existing.get());
        }
        Reservation reservation = stock.reserve(orderId, request.lines().stream()
                .map(l -> new CatalogStock.Line(l.productId(), l.quantity())).toList());
        if ("RELEASED".equals(reservation.status())) {
            throw new ReservationLapsed(orderId);
        }
        List<OrderLine> lines = reservation.lines().stream()
                .map(l -> OrderLine.of(l.productId(), l.sellerId(), l.quantity(), l.unitPriceFen(), l.unitCostFen()))
                .toList();
        Order order = Order.place(orderId, caller.userId(), request.buyer().kind(),
                blankToNull(request.buyer().organisationName()), request.channel(),
                new DeliveryContact(request.delivery().name().strip(), request.delivery().mobile(),
                        request.delivery().address().strip()),
                lines, clock.instant());
        try {
            return transactions.execute(tx -> OrderView.of(orders.save(order)));
        } catch (DuplicateKeyException concurrentResume) {
            return OrderView.of(orders.findById(orderId).orElseThrow());
        }
    }

    /** A consumer sees only their own orders. */
    @Transactional(readOnly = true)
    public OrderView order(Caller caller, UUID orderId) {
        Order order = orders.findById(orderId).orElseThrow(() -> new OrderNotFound(orderId));
        if (!caller.hasRole("ADMIN") && !order.buyerId().equals(caller.userId())) {
            // Someone else's order is answered as if it did not exist: its id reveals nothing.
            throw new OrderNotFound(orderId);
        }
        return OrderView.of(order);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public static class OrderNotFound extends RuntimeException {
        public OrderNotFound(UUID orderId) {
            super("There is no order " + orderId + ".");
        }
    }

    /** The reservation behind an interrupted request expired before the order could be stored. */
    public static class ReservationLapsed extends RuntimeException {
        public ReservationLapsed(UUID orderId) {
            super("The stock held for order " + orderId + " was released before the order was stored; place it again with a new Idempotency-Key.");
        }
    }
}
