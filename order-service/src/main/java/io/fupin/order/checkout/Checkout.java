package io.fupin.order.checkout;

import io.fupin.order.livestream.BuyerLimits;
import io.fupin.order.stock.CatalogBusy;
import io.fupin.order.stock.CatalogRefused;
import io.fupin.order.stock.CatalogStock.Reservation;
import io.fupin.order.stock.CatalogStock;
import io.fupin.order.stock.CatalogUnavailable;
import io.fupin.order.stock.ProductId;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class Checkout {

    private final Orders orders;
    private final CatalogStock stock;
    private final TransactionTemplate transactions;
    private final BuyerLimits limits;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration paymentWindow;
    private final MeterRegistry meters;

    Checkout(Orders orders, CatalogStock stock, TransactionTemplate transactions, BuyerLimits limits, JdbcClient jdbc,
            Clock clock, @Value("${fupin.orders.payment-window:PT15M}") Duration paymentWindow, MeterRegistry meters) {
        this.orders = orders;
        this.stock = stock;
        this.transactions = transactions;
        this.limits = limits;
        this.jdbc = jdbc;
        this.clock = clock;
        this.paymentWindow = paymentWindow;
        this.meters = meters;
    }

    /**
     * Places order {@code orderId}: reserves its stock in catalog-service, then stores the order and its
     * {@code OrderPlaced} event in one transaction. Idempotent by order id, so a request interrupted at any
     * point (crash, timeout) can be resumed with the same id: the reservation is replayed, not repeated.
     *
     * @throws CatalogStock.SoldOut when a line cannot be covered; nothing is stored
     * @throws CatalogBusy when catalog has no room for the reservation call now; nothing was sent or stored
     * @throws CatalogUnavailable when stock cannot be reserved now; nothing is stored (with {@code nothingHeld()}
     *         when catalog released whatever the lost call held, so that {@code orderId} can be given up)
     * @throws BuyerLimits.LimitExceeded when a livestream line takes the buyer past the product's per-buyer limit
     */
    public OrderView place(OrderId orderId, Caller caller, PlaceOrder request) {
        return place(orderId, false, caller, request);
    }

    /**
     * As {@link #place(OrderId, Caller, PlaceOrder)}; {@code fresh} says that {@code orderId} was never handed out
     * before (a newly claimed Idempotency-Key): nothing can be stored under it, in this service or in catalog, so
     * the order is not looked up, and a product catalog refused a moment ago is refused at once, without a
     * reservation round trip or reading the buyer's allowance (the sold-out fast path, {@link CatalogStock}).
     */
    public OrderView place(OrderId orderId, boolean fresh, Caller caller, PlaceOrder request) {
        if (!fresh) {
            Optional<Order> existing = orders.findById(orderId);
            if (existing.isPresent()) {
                return OrderView.of(existing.get());
            }
        }
        // Counted once per order id: a resumed request returned above.
        try {
            if (fresh) {
                stock.refuseIfKnownSoldOut(lines(request));
            }
            OrderView placed = placeNew(orderId, fresh, caller, request);
            meters.counter("fupin.orders.placed", "channel", request.channel().name().toLowerCase()).increment();
            return placed;
        } catch (BuyerLimits.LimitExceeded e) {
            throw refused(e, "limit");
        } catch (CatalogStock.SoldOut e) {
            throw refused(e, "sold_out");
        } catch (CatalogRefused e) {
            throw refused(e, "catalog_refused");
        } catch (CatalogBusy e) {
            throw refused(e, "catalog_busy");
        } catch (CatalogUnavailable e) {
            throw refused(e, "catalog_unavailable");
        } catch (ReservationLapsed e) {
            throw refused(e, "reservation_lapsed");
        }
    }

    private RuntimeException refused(RuntimeException reason, String tag) {
        meters.counter("fupin.orders.refused", "reason", tag).increment();
        return reason;
    }

    private OrderView placeNew(OrderId orderId, boolean fresh, Caller caller, PlaceOrder request) {
        Map<ProductId, Integer> units = new LinkedHashMap<>();
        request.lines().forEach(l -> units.merge(l.productId(), l.quantity(), Integer::sum));
        // Read, not taken: a buyer already at the limit is refused before any stock is reserved; the allowance is
        // taken in the order's own transaction, so a refused reservation has nothing to give back.
        BuyerLimits.Allowance allowance = limits.allowance(caller.userId(), request.channel() == Channel.LIVESTREAM, units);
        Reservation reservation;
        try {
            reservation = stock.reserve(orderId.value(), lines(request), fresh);
        } catch (CatalogUnavailable unknownOutcome) {
            if (stock.releaseAfterUnknownOutcome(orderId.value())) {
                throw unknownOutcome.withNothingHeld();
            }
            throw unknownOutcome;
        }
        if ("RELEASED".equals(reservation.status())) {
            throw new ReservationLapsed(orderId);
        }
        List<OrderLine> lines = reservation.lines().stream()
                .map(l -> OrderLine.of(l.productId(), l.sellerId(), l.quantity(), l.unitPriceFen(), l.unitCostFen(),
                        l.presaleDeliveryDate(), l.certificateNumber()))
                .toList();
        Instant now = clock.instant();
        // Never later than catalog's own hold: an order must not be paid for stock that was given back.
        Instant due = now.plus(paymentWindow);
        if (reservation.expiresAt() != null && reservation.expiresAt().isBefore(due)) {
            due = reservation.expiresAt();
        }
        Order order = Order.place(orderId, caller.userId(), request.buyer().kind(),
                blankToNull(request.buyer().organisationName()), request.channel(),
                new DeliveryContact(request.delivery().name().strip(), request.delivery().mobile(),
                        request.delivery().address().strip()),
                lines, now, due);
        try {
            return transactions.execute(tx -> {
                limits.take(orderId.value(), allowance);
                return OrderView.of(orders.save(order));
            });
        } catch (BuyerLimits.LimitExceeded meanwhile) {
            // Another order of the same buyer took the allowance since it was read: no order, so no hold either (the
            // hold lapses in catalog if it cannot be told now).
            stock.releaseAfterUnknownOutcome(orderId.value());
            throw meanwhile;
        } catch (DuplicateKeyException concurrentResume) {
            return OrderView.of(orders.findById(orderId).orElseThrow());
        }
    }

    /**
     * One order as the caller may see it: the buyer (and ADMIN) the whole order, a seller only its own lines.
     * Anyone else is refused; an id nobody placed answers 404.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN') or @owners.ofOrder(#orderId) or @owners.sellsIn(#orderId)")
    public OrderView order(Caller caller, OrderId orderId) {
        Order order = orders.findById(orderId).orElseThrow(() -> new OrderNotFound(orderId));
        return caller.hasRole(Role.ADMIN) || order.buyerId().equals(caller.userId()) ? OrderView.of(order)
                : OrderView.forSeller(order, caller.sellerId());
    }

    /** The buyer's own orders, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONSUMER')")
    public Page<OrderView> ordersOfBuyer(String buyerId, OrderStatus status, PageRequest page) {
        String where = "buyer_id = :buyer AND (:status IS NULL OR status = :status)";
        String statusName = status == null ? null : status.name();
        List<OrderId> ids = jdbc.sql("SELECT id FROM orders WHERE " + where + " ORDER BY placed_at DESC, id LIMIT :size OFFSET :offset")
                .param("buyer", buyerId).param("status", statusName)
                .param("size", page.size()).param("offset", page.offset())
                .query((rs, n) -> new OrderId(UUID.fromString(rs.getString(1)))).list();
        long total = jdbc.sql("SELECT COUNT(*) FROM orders WHERE " + where)
                .param("buyer", buyerId).param("status", statusName).query(Long.class).single();
        return Page.of(load(ids).stream().map(OrderView::of).toList(), page, total);
    }

    /** Orders holding a seller's products, each showing only that seller's lines, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("@owners.isSeller()")
    public Page<OrderView> ordersOfSeller(UUID sellerId, OrderStatus status, PageRequest page) {
        String where = "EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.seller_id = :seller) "
                + "AND (:status IS NULL OR o.status = :status)";
        String statusName = status == null ? null : status.name();
        List<OrderId> ids = jdbc.sql("SELECT o.id FROM orders o WHERE " + where + " ORDER BY o.placed_at DESC, o.id LIMIT :size OFFSET :offset")
                .param("seller", sellerId.toString()).param("status", statusName)
                .param("size", page.size()).param("offset", page.offset())
                .query((rs, n) -> new OrderId(UUID.fromString(rs.getString(1)))).list();
        long total = jdbc.sql("SELECT COUNT(*) FROM orders o WHERE " + where)
                .param("seller", sellerId.toString()).param("status", statusName).query(Long.class).single();
        return Page.of(load(ids).stream().map(o -> OrderView.forSeller(o, sellerId)).toList(), page, total);
    }

    private List<Order> load(List<OrderId> ids) {
        Map<OrderId, Order> byId = new LinkedHashMap<>();
        orders.findAllById(ids).forEach(o -> byId.put(o.id(), o));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static List<CatalogStock.Line> lines(PlaceOrder request) {
        return request.lines().stream().map(l -> new CatalogStock.Line(l.productId(), l.quantity())).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
