package io.fupin.order.payment;

import io.fupin.order.checkout.OrderId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** One attempt to pay one order through a provider. */
@Table("payment")
public class Payment {

    public enum Status {
        /** Registered with the provider, waiting for its callback (and polled until it settles). */
        PENDING,
        /** The provider took the money and the order is paid. */
        SUCCEEDED,
        /** The provider took the money but the order could not take it (expired, cancelled): a refund is owed. */
        REFUNDED,
        /** The provider closed it unpaid (or it was voided): no money moved. */
        FAILED
    }

    @Id
    private final UUID id;
    private final OrderId orderId;
    private final String buyerId;
    private final long amountFen;
    private final String provider;
    private Status status;
    private String providerTradeNo;
    private final Instant createdAt;
    private Instant paidAt;
    @Version
    private Long version;

    Payment(UUID id, OrderId orderId, String buyerId, long amountFen, String provider, Status status,
            String providerTradeNo, Instant createdAt, Instant paidAt, Long version) {
        this.id = id;
        this.orderId = orderId;
        this.buyerId = buyerId;
        this.amountFen = amountFen;
        this.provider = provider;
        this.status = status;
        this.providerTradeNo = providerTradeNo;
        this.createdAt = createdAt;
        this.paidAt = paidAt;
        this.version = version;
    }

    static Payment start(UUID id, OrderId orderId, String buyerId, long amountFen, String provider, String tradeNo,
            Instant now) {
        return new Payment(id, orderId, buyerId, amountFen, provider, Status.PENDING, tradeNo, now, null, null);
    }

    /** @return whether this notification changed the payment (a duplicate does not) */
    boolean settle(boolean orderTookIt, String tradeNo, Instant at) {
        if (status != Status.PENDING) {
            return false;
        }
        status = orderTookIt ? Status.SUCCEEDED : Status.REFUNDED;
        providerTradeNo = tradeNo;
        paidAt = at;
        return true;
    }

    /** @return whether the provider's word that nobody paid changed the payment */
    boolean fail() {
        if (status != Status.PENDING) {
            return false;
        }
        status = Status.FAILED;
        return true;
    }

    public UUID id() {
        return id;
    }

    public OrderId orderId() {
        return orderId;
    }

    public String buyerId() {
        return buyerId;
    }

    public long amountFen() {
        return amountFen;
    }

    public String provider() {
        return provider;
    }

    public Status status() {
        return status;
    }

    public String providerTradeNo() {
        return providerTradeNo;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant paidAt() {
        return paidAt;
    }
}
