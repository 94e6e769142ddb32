package io.fupin.order.checkout;

import io.fupin.order.checkout.IllegalTransition;
import io.fupin.order.checkout.OrderRefund.RefundReason;
import io.fupin.order.checkout.OrderRefund.RefundStatus;
import io.fupin.order.checkout.PresaleNotDue;
import io.fupin.order.checkout.RefundRefused;
import io.fupin.order.stock.ProductId;
import io.fupin.support.events.EventEnvelope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

@Table("orders")
public class Order extends AbstractAggregateRoot<Order> {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter NUMBER_DATE = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT)
            .withZone(CHINA);

    @Id
    private final OrderId id;
    private final String orderNumber;
    private final String buyerId;
    private final BuyerKind buyerKind;
    private final String organisationName;
    private final Channel channel;
    private OrderStatus status;
    private final long totalFen;
    @Embedded.Empty(prefix = "contact_")
    private final DeliveryContact contact;
    @MappedCollection(idColumn = "order_id", keyColumn = "line_no")
    private List<OrderLine> lines;
    @MappedCollection(idColumn = "order_id", keyColumn = "refund_no")
    private List<OrderRefund> refunds;
    @MappedCollection(idColumn = "order_id", keyColumn = "entry_no")
    private List<RefundLine> refundLines;
    private final Instant placedAt;
    private final Instant paymentDueAt;
    private UUID paymentId;
    private Instant paidAt;
    private Instant shippedAt;
    private Instant deliveredAt;
    private Boolean deliveredAutomatically;
    private Instant completedAt;
    private Instant cancelledAt;
    private String cancelReason;
    /** How many events the order has registered: each event carries the next number (see {@link #event}). */
    private long eventSequence;
    @Version
    private Long version;

    Order(OrderId id, String orderNumber, String buyerId, BuyerKind buyerKind, String organisationName, Channel channel,
            OrderStatus status, long totalFen, DeliveryContact contact, List<OrderLine> lines, List<OrderRefund> refunds,
            List<RefundLine> refundLines, Instant placedAt, Instant paymentDueAt, UUID paymentId, Instant paidAt,
            Instant shippedAt, Instant deliveredAt, Boolean deliveredAutomatically, Instant completedAt,
            Instant cancelledAt, String cancelReason, Long version) {
        this.id = id;
        this.orderNumber = orderNumber;
        this.buyerId = buyerId;
        this.buyerKind = buyerKind;
        this.organisationName = organisationName;
        this.channel = channel;
        this.status = status;
        this.totalFen = totalFen;
        this.contact = contact;
        this.lines = new ArrayList<>(lines);
        this.refunds = new ArrayList<>(refunds == null ? List.of() : refunds);
        this.refundLines = new ArrayList<>(refundLines == null ? List.of() : refundLines);
        this.placedAt = placedAt;
        this.paymentDueAt = paymentDueAt;
        this.paymentId = paymentId;
        this.paidAt = paidAt;
        this.shippedAt = shippedAt;
        this.deliveredAt = deliveredAt;
        this.deliveredAutomatically = deliveredAutomatically;
        this.completedAt = completedAt;
        this.cancelledAt = cancelledAt;
        this.cancelReason = cancelReason;
        this.version = version;
    }

    /**
     * The order's next event. Its sequence number is taken under the order's optimistic lock, so the numbers
     * of one order's events follow the order their transactions committed in, whichever instance ran them.
     */
    private EventEnvelope<OrderEvent> event(Instant at, OrderEvent event) {
        return OrderEvent.of(id, ++eventSequence, at, event);
    }

    /** A new order awaiting payment until {@code paymentDueAt}, priced from the reservation's snapshot. */
    static Order place(OrderId id, String buyerId, BuyerKind buyerKind, String organisationName, Channel channel,
            DeliveryContact contact, List<OrderLine> lines, Instant now, Instant paymentDueAt) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        long total = lines.stream().mapToLong(OrderLine::amountFen).reduce(0L, Math::addExact);
        String number = "FP" + NUMBER_DATE.format(now) + id.value().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        Order order = new Order(id, number, buyerId, buyerKind, organisationName, channel, OrderStatus.PENDING_PAYMENT,
                total, contact, lines, List.of(), List.of(), now, paymentDueAt, null, null, null, null, null, null,
                null, null, null);
        order.registerEvent(order.event(now, new OrderEvent.OrderPlaced(id, number, buyerId, buyerKind,
                organisationName, channel, total, now, lines.stream().map(OrderEvent.Line::of).toList())));
        return order;
    }

    /**
     * Records the payment. Paying again with the same payment changes nothing.
     *
     * @return whether the order changed
     */
    boolean markPaid(UUID payment, Instant at) {
        if (status == OrderStatus.PAID && payment.equals(paymentId)) {
            return false;
        }
        requireStatus("paid", OrderStatus.PENDING_PAYMENT);
        status = OrderStatus.PAID;
        paymentId = payment;
        paidAt = at;
        registerEvent(event(at, new OrderEvent.OrderPaid(id, orderNumber, buyerId, buyerKind,
                organisationName, channel, totalFen, payment, at, lines.stream().map(OrderEvent.Line::of).toList())));
        return true;
    }

    /**
     * Cancels an order that nothing was shipped of. A paid order gives back everything still owed, in an
     * {@code OrderRefunded} registered just before the {@code OrderCancelled}.
     */
    void cancel(String reason, Instant at) {
        if (status == OrderStatus.PAID && lines.stream().anyMatch(OrderLine::shipped)) {
            throw new IllegalTransition(id, status, "cancelled after a seller shipped");
        }
        requireStatus("cancelled", OrderStatus.PENDING_PAYMENT, OrderStatus.PAID);
        boolean wasPaid = status == OrderStatus.PAID;
        if (wasPaid) {
            Map<Integer, Integer> everything = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).remainingQuantity() > 0) {
                    everything.put(i, lines.get(i).remainingQuantity());
                }
            }
            if (!everything.isEmpty()) {
                refundNow(RefundReason.CANCELLED, null, everything, at);
            }
        }
        close(reason, wasPaid, at);
    }

    private void close(String reason, boolean wasPaid, Instant at) {
        status = OrderStatus.CANCELLED;
        cancelledAt = at;
        cancelReason = reason;
        registerEvent(event(at, new OrderEvent.OrderCancelled(id, reason, wasPaid, at)));
    }

    /** Ships every line of this seller still owed; the order is shipped once every seller has. */
    void ship(UUID sellerId, String trackingNumber, Instant at) {
        requireStatus("shipped", OrderStatus.PAID);
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            if (line.sellerId().equals(sellerId) && !line.shipped() && line.remainingQuantity() > 0) {
                if (line.presale() && today.isBefore(line.presaleDeliveryDate())) {
                    throw new PresaleNotDue(id, line.presaleDeliveryDate());
                }
                mine.add(i);
            }
        }
        if (mine.isEmpty()) {
            throw new IllegalTransition(id, status, "shipped again by this seller");
        }
        mine.forEach(i -> lines.set(i, lines.get(i).ship(trackingNumber, at)));
        registerEvent(event(at, new OrderEvent.OrderShipped(id, sellerId, trackingNumber, at,
                mine.stream().map(i -> lines.get(i).productId()).toList())));
        shippedIfEverythingIs(at);
    }

    private void shippedIfEverythingIs(Instant at) {
        if (status == OrderStatus.PAID && lines.stream().allMatch(l -> l.shipped() || l.remainingQuantity() == 0)
                && lines.stream().anyMatch(OrderLine::shipped)) {
            status = OrderStatus.SHIPPED;
            shippedAt = at;
        }
    }

    void confirmDelivery(Instant at, boolean automatically) {
        requireStatus("delivered", OrderStatus.SHIPPED);
        status = OrderStatus.DELIVERED;
        deliveredAt = at;
        deliveredAutomatically = automatically;
        registerEvent(event(at, new OrderEvent.OrderDelivered(id, at, automatically)));
    }

    /** Completion waits while a refund request is open: its money must not become payable first. */
    boolean completable() {
        return status == OrderStatus.DELIVERED && refunds.stream().noneMatch(r -> r.status() == RefundStatus.REQUESTED);
    }

    void complete(Instant at) {
        if (!completable()) {
            throw new IllegalTransition(id, status, "completed" + (status == OrderStatus.DELIVERED ? " with a refund request open" : ""));
        }
        status = OrderStatus.COMPLETED;
        completedAt = at;
        registerEvent(event(at, new OrderEvent.OrderCompleted(id, at)));
    }

    /** After delivery the buyer may ask one seller to take back some units. */
    UUID requestRefund(Map<ProductId, Integer> unitsByProduct, String note, Instant at) {
        requireStatus("refunded on request", OrderStatus.DELIVERED);
        Map<Integer, Integer> units = new LinkedHashMap<>();
        UUID seller = null;
        for (Map.Entry<ProductId, Integer> wanted : unitsByProduct.entrySet()) {
            int index = indexOf(wanted.getKey());
            if (index < 0) {
                throw new RefundRefused("Product " + wanted.getKey().value() + " is not in order " + orderNumber + ".");
            }
            OrderLine line = lines.get(index);
            if (seller != null && !seller.equals(line.sellerId())) {
                throw new RefundRefused("A refund request concerns one seller's lines; send one request per seller.");
            }
            seller = line.sellerId();
            int open = requestedOpen(line.productId());
            if (wanted.getValue() > line.remainingQuantity() - open) {
                throw new RefundRefused("Only " + (line.remainingQuantity() - open) + " units of product "
                        + line.productId().value() + " can still be refunded.");
            }
            units.put(index, wanted.getValue());
        }
        UUID refundId = UUID.randomUUID();
        long total = addRefundLines(refundId, units);
        refunds.add(new OrderRefund(refundId, seller, RefundReason.RETURNED_AFTER_DELIVERY, note, RefundStatus.REQUESTED,
                total, at, null, null));
        return refundId;
    }

    /**
     * The seller accepts (the units are refunded) or rejects a refund request; a rejection carries the reason the
     * buyer reads ({@code rejectionReason}, ignored on acceptance).
     */
    void decideRefund(UUID refundId, UUID sellerId, boolean accept, String rejectionReason, Instant at) {
        int index = -1;
        for (int i = 0; i < refunds.size(); i++) {
            if (refunds.get(i).refundId().equals(refundId) && sellerId.equals(refunds.get(i).sellerId())) {
                index = i;
            }
        }
        if (index < 0) {
            throw new OrderNotFound(id);
        }
        OrderRefund refund = refunds.get(index);
        if (refund.status() != RefundStatus.REQUESTED) {
            throw new RefundRefused("Refund " + refundId + " was already " + refund.status() + ".");
        }
        if (!accept && (rejectionReason == null || rejectionReason.isBlank())) {
            throw new IllegalArgumentException("A rejected refund needs its reason");
        }
        refunds.set(index, accept ? refund.accept(at) : refund.reject(rejectionReason.strip(), at));
        if (accept) {
            List<RefundLine> mine = refundLines.stream().filter(l -> l.refundId().equals(refundId)).toList();
            for (RefundLine l : mine) {
                int line = indexOf(l.productId());
                lines.set(line, lines.get(line).refund(l.quantity()));
            }
            registerEvent(event(at, new OrderEvent.OrderRefunded(id, refundId, refund.reason().name(), at,
                    refund.totalFen(), mine.stream().map(OrderEvent.Line::of).toList())));
        }
    }

    /** Cuts a presale line by {@code units} after a harvest shortfall and refunds them; an order left with nothing is cancelled. */
    void cutPresale(ProductId productId, int units, Instant at) {
        requireStatus("cut for a presale shortfall", OrderStatus.PAID);
        int index = indexOf(productId);
        if (index < 0 || !lines.get(index).presale() || lines.get(index).shipped()) {
            throw new IllegalArgumentException("No unshipped presale line of " + productId.value() + " in " + id.value());
        }
        refundNow(RefundReason.PRESALE_SHORTFALL, null, Map.of(index, units), at);
        if (lines.stream().allMatch(l -> l.remainingQuantity() == 0)) {
            close(RefundReason.PRESALE_SHORTFALL.name(), true, at);
        } else {
            shippedIfEverythingIs(at);
        }
    }

    private void refundNow(RefundReason reason, UUID sellerId, Map<Integer, Integer> units, Instant at) {
        UUID refundId = UUID.randomUUID();
        long total = addRefundLines(refundId, units);
        units.forEach((i, q) -> lines.set(i, lines.get(i).refund(q)));
        refunds.add(new OrderRefund(refundId, sellerId, reason, null, RefundStatus.ACCEPTED, total, at, at, null));
        registerEvent(event(at, new OrderEvent.OrderRefunded(id, refundId, reason.name(), at, total,
                refundLines.stream().filter(l -> l.refundId().equals(refundId)).map(OrderEvent.Line::of).toList())));
    }

    private long addRefundLines(UUID refundId, Map<Integer, Integer> units) {
        long total = 0;
        for (Map.Entry<Integer, Integer> e : units.entrySet()) {
            RefundLine line = RefundLine.of(refundId, lines.get(e.getKey()), e.getValue());
            refundLines.add(line);
            total = Math.addExact(total, line.amountFen());
        }
        return total;
    }

    private int requestedOpen(ProductId productId) {
        List<UUID> open = refunds.stream().filter(r -> r.status() == RefundStatus.REQUESTED).map(OrderRefund::refundId).toList();
        return refundLines.stream().filter(l -> open.contains(l.refundId()) && l.productId().equals(productId))
                .mapToInt(RefundLine::quantity).sum();
    }

    private int indexOf(ProductId productId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).productId().equals(productId)) {
                return i;
            }
        }
        return -1;
    }

    private void requireStatus(String step, OrderStatus... allowed) {
        for (OrderStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalTransition(id, status, step);
    }

    /**
     * Whether the seller still has to ship goods of this paid order: the one case in which it may see where
     * they go (never on unpaid or cancelled orders, nor once its part is on its way).
     */
    boolean awaitsShipmentBy(UUID sellerId) {
        return status == OrderStatus.PAID && lines.stream().anyMatch(l -> Objects.equals(l.sellerId(), sellerId)
                && !l.shipped() && l.remainingQuantity() > 0);
    }

    public boolean hasLinesOf(UUID sellerId) {
        return lines.stream().anyMatch(l -> Objects.equals(l.sellerId(), sellerId));
    }

    public OrderId id() {
        return id;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public String buyerId() {
        return buyerId;
    }

    public BuyerKind buyerKind() {
        return buyerKind;
    }

    public String organisationName() {
        return organisationName;
    }

    public Channel channel() {
        return channel;
    }

    public OrderStatus status() {
        return status;
    }

    public long totalFen() {
        return totalFen;
    }

    public DeliveryContact contact() {
        return contact;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public List<OrderRefund> refunds() {
        return List.copyOf(refunds);
    }

    public List<RefundLine> refundLines() {
        return List.copyOf(refundLines);
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Instant paymentDueAt() {
        return paymentDueAt;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant shippedAt() {
        return shippedAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public Boolean deliveredAutomatically() {
        return deliveredAutomatically;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancelReason() {
        return cancelReason;
    }
}
