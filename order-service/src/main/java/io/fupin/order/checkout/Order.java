package io.fupin.order.checkout;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

@Table("orders")
public class Order extends AbstractAggregateRoot<Order> {

    private static final DateTimeFormatter NUMBER_DATE = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT)
            .withZone(ZoneId.of("Asia/Shanghai"));

    @Id
    private final UUID id;
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
    private final List<OrderLine> lines;
    private final Instant placedAt;
    @Version
    private Long version;

    Order(UUID id, String orderNumber, String buyerId, BuyerKind buyerKind, String organisationName, Channel channel,
            OrderStatus status, long totalFen, DeliveryContact contact, List<OrderLine> lines, Instant placedAt,
            Long version) {
        this.id = id;
        this.orderNumber = orderNumber;
        this.buyerId = buyerId;
        this.buyerKind = buyerKind;
        this.organisationName = organisationName;
        this.channel = channel;
        this.status = status;
        this.totalFen = totalFen;
        this.contact = contact;
        this.lines = lines;
        this.placedAt = placedAt;
        this.version = version;
    }

    /** A new order awaiting payment, priced from the reservation's snapshot. */
    static Order place(UUID id, String buyerId, BuyerKind buyerKind, String organisationName, Channel channel,
            DeliveryContact contact, List<OrderLine> lines, Instant now) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        long total = lines.stream().mapToLong(OrderLine::amountFen).reduce(0L, Math::addExact);
        String number = "FP" + NUMBER_DATE.format(now) + id.toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        Order order = new Order(id, number, buyerId, buyerKind, organisationName, channel, OrderStatus.PENDING_PAYMENT,
                total, contact, List.copyOf(lines), now, null);
        order.registerEvent(OrderEvent.of(id, now, new OrderEvent.OrderPlaced(id, number, buyerId, buyerKind,
                organisationName, channel, total, now, lines.stream().map(OrderEvent.Line::of).toList())));
        return order;
    }

    public UUID id() {
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
        return lines;
    }

    public Instant placedAt() {
        return placedAt;
    }
}
