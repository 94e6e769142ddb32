package io.fupin.settlement.intake;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An order as settlement knows it: what it brings in, what of that is declared cost, and where it stands
 * (PLACED → PAID → COMPLETED, or REFUNDED / CANCELLED). The money itself lives in the ledger.
 */
@Table("settlement_order")
class SettlementOrder {

    @Id
    private final UUID orderId;
    private final String orderNumber;
    private final String channel;
    private final long grossFen;
    private final long costFen;
    private final int lineCount;
    private String status;
    private final Instant placedAt;
    private final Instant recordedAt;
    private Instant paidAt;
    private Instant completedAt;
    private long refundedFen;
    @Version
    private Long version;

    SettlementOrder(UUID orderId, String orderNumber, String channel, long grossFen, long costFen, int lineCount,
            String status, Instant placedAt, Instant recordedAt, Instant paidAt, Instant completedAt, long refundedFen,
            Long version) {
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        this.channel = channel;
        this.grossFen = grossFen;
        this.costFen = costFen;
        this.lineCount = lineCount;
        this.status = status;
        this.placedAt = placedAt;
        this.recordedAt = recordedAt;
        this.paidAt = paidAt;
        this.completedAt = completedAt;
        this.refundedFen = refundedFen;
        this.version = version;
    }

    static SettlementOrder placed(OrderEventMessage.OrderPlaced placed, Instant now) {
        return new SettlementOrder(placed.orderId(), placed.orderNumber(), placed.channel(), gross(placed.lines()),
                cost(placed.lines()), placed.lines().size(), "PLACED", placed.placedAt(), now, null, null, 0, null);
    }

    /** An order whose OrderPlaced settlement never saw (it started later): the payment says it all. */
    static SettlementOrder paid(OrderEventMessage.OrderPaid paid, Instant now) {
        SettlementOrder order = new SettlementOrder(paid.orderId(), paid.orderNumber(), paid.channel(),
                gross(paid.lines()), cost(paid.lines()), paid.lines().size(), "PLACED", paid.paidAt(), now, null, null,
                0, null);
        order.markPaid(paid.paidAt());
        return order;
    }

    void markPaid(Instant at) {
        if ("PLACED".equals(status)) {
            status = "PAID";
            paidAt = at;
        }
    }

    void markCompleted(Instant at) {
        if ("PAID".equals(status)) {
            status = "COMPLETED";
            completedAt = at;
        }
    }

    void markRefunded(long amountFen) {
        refundedFen = Math.addExact(refundedFen, amountFen);
        if (refundedFen >= grossFen && !"COMPLETED".equals(status)) {
            status = "REFUNDED";
        }
    }

    void markCancelled() {
        if ("PLACED".equals(status) || "REFUNDED".equals(status)) {
            status = "CANCELLED";
        }
    }

    SettlementOrderView view() {
        return new SettlementOrderView(orderId, orderNumber, channel, grossFen, costFen, lineCount, status, placedAt,
                recordedAt, paidAt, completedAt, refundedFen);
    }

    UUID orderId() {
        return orderId;
    }

    private static long gross(java.util.List<OrderEventMessage.Line> lines) {
        return lines.stream().mapToLong(OrderEventMessage.Line::amountFen).reduce(0L, Math::addExact);
    }

    private static long cost(java.util.List<OrderEventMessage.Line> lines) {
        // Capped per line at its amount, as allocation does: a cost can never exceed what the line brought in.
        return lines.stream().mapToLong(l -> Math.min(l.amountFen(),
                        Math.multiplyExact(Math.max(0, l.unitCostFen()), (long) l.quantity())))
                .reduce(0L, Math::addExact);
    }
}
