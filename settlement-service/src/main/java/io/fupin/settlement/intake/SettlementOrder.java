package io.fupin.settlement.intake;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An order as settlement knows it: what it will bring in and what of that is declared cost. */
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
    @Version
    private Long version;

    SettlementOrder(UUID orderId, String orderNumber, String channel, long grossFen, long costFen, int lineCount,
            String status, Instant placedAt, Instant recordedAt, Long version) {
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        this.channel = channel;
        this.grossFen = grossFen;
        this.costFen = costFen;
        this.lineCount = lineCount;
        this.status = status;
        this.placedAt = placedAt;
        this.recordedAt = recordedAt;
        this.version = version;
    }

    static SettlementOrder placed(OrderEventMessage.OrderPlaced placed, Instant now) {
        long gross = placed.lines().stream().mapToLong(OrderEventMessage.Line::amountFen).reduce(0L, Math::addExact);
        long cost = placed.lines().stream()
                .mapToLong(l -> Math.multiplyExact(l.unitCostFen(), (long) l.quantity())).reduce(0L, Math::addExact);
        return new SettlementOrder(placed.orderId(), placed.orderNumber(), placed.channel(), gross, cost,
                placed.lines().size(), "PLACED", placed.placedAt(), now, null);
    }

    SettlementOrderView view() {
        return new SettlementOrderView(orderId, orderNumber, channel, grossFen, costFen, lineCount, status, placedAt,
                recordedAt);
    }

    UUID orderId() {
        return orderId;
    }
}
