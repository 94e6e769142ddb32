package io.fupin.order.checkout;

import io.fupin.order.checkout.RefundRefused;
import io.fupin.order.livestream.BuyerLimits;
import io.fupin.order.stock.CatalogRefused;
import io.fupin.order.stock.CatalogStock;
import io.fupin.order.stock.CatalogUnavailable;
import io.fupin.order.stock.ProductId;
import io.fupin.support.identity.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every step of an order after checkout: payment, cancellation, shipping, delivery, refunds and presale
 * shortfalls. Each step loads the order, lets it guard the transition and saves it with its version, so a
 * step that raced another (two instances' sweeps, a payment against an expiry) fails instead of overwriting.
 */
@Service
public class OrderLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);

    public static final String BUYER_CANCELLED = "BUYER_CANCELLED";
    public static final String CANCELLED_BY_ADMIN = "CANCELLED_BY_ADMIN";
    public static final String PAYMENT_EXPIRED = "PAYMENT_EXPIRED";
    public static final String RESERVATION_RELEASED = "RESERVATION_RELEASED";

    private static final int BATCH = 500;

    private final Orders orders;
    private final CatalogStock stock;
    private final BuyerLimits limits;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    OrderLifecycle(Orders orders, CatalogStock stock, BuyerLimits limits, TransactionTemplate transactions, JdbcClient jdbc,
            Clock clock) {
        this.orders = orders;
        this.stock = stock;
        this.limits = limits;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public enum Payability {
        /** The order is now paid with this payment (or already was). */
        PAID,
        /** The order cannot take this payment (cancelled, expired, paid with another payment): refund it. */
        NOT_PAYABLE
    }

    /** What payments need to know about an order: its buyer, status, total and the payment it took, if any. */
    public record Payable(OrderId orderId, String buyerId, OrderStatus status, long totalFen, UUID paymentId) {
    }

    public java.util.Optional<Payable> payable(OrderId orderId) {
        return orders.findById(orderId).map(o -> new Payable(o.id(), o.buyerId(), o.status(), o.totalFen(), o.paymentId()));
    }

    /**
     * Marks the order paid: confirms its stock in catalog first (idempotent), then records the payment.
     *
     * @throws CatalogUnavailable when the stock cannot be confirmed now (the provider retries its callback)
     */
    public Payability pay(OrderId orderId, UUID paymentId, Instant paidAt) {
        Order order = orders.findById(orderId).orElseThrow(() -> new OrderNotFound(orderId));
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return paymentId.equals(order.paymentId()) ? Payability.PAID : Payability.NOT_PAYABLE;
        }
        try {
            stock.confirm(orderId.value());
        } catch (CatalogStock.ReservationReleased e) {
            cancelQuietly(orderId, RESERVATION_RELEASED);
            return Payability.NOT_PAYABLE;
        }
        boolean[] marked = {false};
        try {
            Payability paid = transactions.execute(tx -> {
                Order fresh = orders.findById(orderId).orElseThrow();
                if (fresh.status() != OrderStatus.PENDING_PAYMENT) {
                    return paymentId.equals(fresh.paymentId()) ? Payability.PAID : Payability.NOT_PAYABLE;
                }
                fresh.markPaid(paymentId, paidAt);
                orders.save(fresh);
                marked[0] = true;
                return Payability.PAID;
            });
            if (marked[0]) {
                // One line per order paid: with the trace id of the payment's request, it ties this log to the
                // gateway's access log and to settlement's postings of the order.
                log.info("Order {} paid by payment {}", orderId.value(), paymentId);
            }
            return paid;
        } catch (org.springframework.dao.OptimisticLockingFailureException raced) {
            Order now = orders.findById(orderId).orElseThrow();
            return now.status() == OrderStatus.PAID && paymentId.equals(now.paymentId()) ? Payability.PAID
                    : Payability.NOT_PAYABLE;
        }
    }

    /** The buyer (before shipping) or ADMIN cancels; a paid order is refunded in full. */
    @PreAuthorize("hasRole('ADMIN') or @owners.ofOrder(#orderId)")
    public OrderView cancel(Caller caller, OrderId orderId) {
        Order order = change(orderId, o -> {
            o.cancel(o.buyerId().equals(caller.userId()) ? BUYER_CANCELLED : CANCELLED_BY_ADMIN, clock.instant());
            oweStockBack(o);
        });
        afterCancel(order);
        return OrderView.of(order);
    }

    @PreAuthorize("@owners.sellsIn(#orderId)")
    public OrderView ship(Caller caller, OrderId orderId, String trackingNumber) {
        UUID seller = caller.sellerId();
        Order order = change(orderId, o -> {
            o.ship(seller, trackingNumber, clock.instant());
        });
        return OrderView.forSeller(order, seller);
    }

    @PreAuthorize("@owners.ofOrder(#orderId)")
    public OrderView confirmDelivery(OrderId orderId) {
        Order order = change(orderId, o -> {
            o.confirmDelivery(clock.instant(), false);
        });
        return OrderView.of(order);
    }

    @PreAuthorize("@owners.ofOrder(#orderId)")
    public OrderView requestRefund(OrderId orderId, Map<ProductId, Integer> units, String note) {
        Order order = change(orderId, o -> {
            o.requestRefund(units, note, clock.instant());
        });
        return OrderView.of(order);
    }

    @PreAuthorize("@owners.sellsIn(#orderId)")
    public OrderView decideRefund(Caller caller, OrderId orderId, UUID refundId, boolean accept, String rejectionReason) {
        UUID seller = caller.sellerId();
        Order order = change(orderId, o -> {
            o.decideRefund(refundId, seller, accept, rejectionReason, clock.instant());
        });
        return OrderView.forSeller(order, seller);
    }

    /** The outcome of a declared presale shortfall. */
    public record ShortfallCut(ProductId productId, int subscribedUnits, int deliverableUnits, int ordersCut,
            int unitsRefunded, long refundedFen) {
    }

    /**
     * The seller declares how many units of a presale product it can deliver; every paid, unshipped presale
     * line of that product is cut pro rata (whole units, largest remainder) and the rest refunded. Declaring
     * again with the same quantity changes nothing: the lines already add up to it.
     */
    @PreAuthorize("@owners.isSeller()")
    public ShortfallCut declareShortfall(Caller caller, ProductId productId, int deliverable) {
        UUID seller = caller.sellerId();
        return transactions.execute(tx -> {
            List<Order> subscribed = new ArrayList<>(orders.findPaidPresale(productId, seller.toString()));
            if (subscribed.isEmpty()) {
                throw new RefundRefused("There are no paid, unshipped presale orders of product " + productId.value() + " of this seller.");
            }
            subscribed.sort(Comparator.comparing(Order::paidAt).thenComparing(o -> o.id().value()));
            List<Integer> units = subscribed.stream().map(o -> lineOf(o, productId).remainingQuantity()).toList();
            int[] kept = ProRataCut.keep(units, deliverable);
            int cut = 0;
            int refundedUnits = 0;
            long refundedFen = 0;
            Instant now = clock.instant();
            for (int i = 0; i < subscribed.size(); i++) {
                int gone = units.get(i) - kept[i];
                if (gone > 0) {
                    Order order = subscribed.get(i);
                    order.cutPresale(productId, gone, now);
                    orders.save(order);
                    cut++;
                    refundedUnits += gone;
                    refundedFen = Math.addExact(refundedFen, Math.multiplyExact(lineOf(order, productId).unitPriceFen(), (long) gone));
                }
            }
            return new ShortfallCut(productId, units.stream().mapToInt(Integer::intValue).sum(),
                    Math.min(deliverable, units.stream().mapToInt(Integer::intValue).sum()), cut, refundedUnits, refundedFen);
        });
    }

    private static OrderLine lineOf(Order order, ProductId productId) {
        return order.lines().stream().filter(l -> l.productId().equals(productId)).findFirst().orElseThrow();
    }

    // The sweeps below run on every instance; the versioned save makes each change happen once.

    /** Cancels orders not paid by their due time and gives their stock back. */
    public int expireUnpaid(Instant asOf) {
        int done = 0;
        // Batches until none is left, so that a flash sale's thousands of unpaid orders go back in one sweep.
        for (int batch = 0; batch < 100; batch++) {
            List<OrderId> due = orders.findIdsDueForPayment(asOf, BATCH);
            int before = done;
            for (OrderId id : due) {
                if (cancelQuietly(id, PAYMENT_EXPIRED)) {
                    done++;
                }
            }
            if (due.size() < BATCH || done == before) {
                break;
            }
        }
        return done;
    }

    /** Shipped orders the consumer did not confirm count as delivered after the configured days. */
    public int deliverShipped(Instant shippedBefore, Instant now) {
        int done = 0;
        for (OrderId id : orders.findIdsShippedBefore(shippedBefore, 500)) {
            if (quietly(id, o -> o.status() == OrderStatus.SHIPPED, o -> o.confirmDelivery(now, true))) {
                done++;
            }
        }
        return done;
    }

    /** Delivered orders past the refund window (and with no refund request open) complete. */
    public int completeDelivered(Instant deliveredBefore, Instant now) {
        int done = 0;
        for (OrderId id : orders.findIdsDeliveredBefore(deliveredBefore, 500)) {
            if (quietly(id, Order::completable, o -> o.complete(now))) {
                done++;
            }
        }
        return done;
    }

    private boolean cancelQuietly(OrderId orderId, String reason) {
        Order[] cancelled = new Order[1];
        boolean changed = quietly(orderId, o -> o.status() == OrderStatus.PENDING_PAYMENT, o -> {
            o.cancel(reason, clock.instant());
            oweStockBack(o);
            cancelled[0] = o;
        });
        if (changed) {
            afterCancel(cancelled[0]);
        }
        return changed;
    }

    private boolean quietly(OrderId orderId, java.util.function.Predicate<Order> applies, Consumer<Order> step) {
        try {
            Boolean changed = transactions.execute(tx -> {
                Order order = orders.findById(orderId).orElse(null);
                if (order == null || !applies.test(order)) {
                    return false;
                }
                step.accept(order);
                orders.save(order);
                return true;
            });
            return Boolean.TRUE.equals(changed);
        } catch (org.springframework.dao.OptimisticLockingFailureException otherInstanceWasFaster) {
            return false;
        }
    }

    /**
     * Written in the cancellation's transaction: the order's units are owed back to catalog until catalog has
     * released its reservation. Catalog's own expiry gives back only holds never confirmed; a paid order's units,
     * or those of a payment confirmed just before the order expired, would stay sold if this release were lost.
     */
    private void oweStockBack(Order order) {
        jdbc.sql("INSERT IGNORE INTO stock_release (order_id, owed_since) VALUES (?, ?)")
                .params(order.id().value().toString(), Timestamp.from(clock.instant())).update();
    }

    /** Stock and livestream allowance go back after the cancellation committed; a release that fails is retried by {@link #releaseOwedStock()}. */
    private void afterCancel(Order order) {
        limits.giveBack(order.id().value());
        try {
            releaseStock(order.id().value());
        } catch (RuntimeException e) {
            log.warn("Could not release the stock of cancelled order {} now, the sweep tries again: {}", order.id().value(), e.getMessage());
        }
    }

    private void releaseStock(UUID orderId) {
        stock.release(orderId);
        jdbc.sql("DELETE FROM stock_release WHERE order_id = ?").param(orderId.toString()).update();
    }

    /**
     * Releases in catalog the stock of cancelled orders whose release failed or never ran (catalog down,
     * order-service killed after the cancellation committed); releasing twice is harmless. Stops at the first
     * failure: catalog is likely still away, the next sweep tries again.
     *
     * @return orders whose stock went back
     */
    public int releaseOwedStock() {
        List<UUID> owed = jdbc.sql("SELECT order_id FROM stock_release ORDER BY owed_since LIMIT " + BATCH)
                .query((rs, i) -> UUID.fromString(rs.getString(1))).list();
        int released = 0;
        for (UUID orderId : owed) {
            try {
                releaseStock(orderId);
                released++;
            } catch (CatalogRefused refused) {
                // A 4xx will not change with retrying (catalog holds no such reservation): nothing to give back.
                log.warn("Catalog refused to release the stock of cancelled order {} ({}); not retried: {}", orderId,
                        refused.status(), refused.getMessage());
                jdbc.sql("DELETE FROM stock_release WHERE order_id = ?").param(orderId.toString()).update();
            } catch (RuntimeException e) {
                log.warn("Could not release the stock of cancelled order {} yet ({} owed): {}", orderId,
                        owed.size() - released, e.getMessage());
                break;
            }
        }
        return released;
    }

    private Order change(OrderId orderId, Consumer<Order> step) {
        return transactions.execute(tx -> {
            Order order = orders.findById(orderId).orElseThrow(() -> new OrderNotFound(orderId));
            step.accept(order);
            return orders.save(order);
        });
    }
}
