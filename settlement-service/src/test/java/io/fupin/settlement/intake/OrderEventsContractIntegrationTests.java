package io.fupin.settlement.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.settlement.IntegrationTest;
import io.fupin.settlement.ledger.AccountType;
import io.fupin.settlement.ledger.Ledger;
import io.fupin.support.testing.EventContracts;
import io.fupin.support.testing.EventContracts.Sample;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settlement's order intake applies what order-service really emits (its committed samples in docs/events/samples)
 * through its listener, on the database: a field read here that the producer renamed or removed fails this test,
 * and so does a sample whose effect is not the one its fields describe.
 */
@IntegrationTest
class OrderEventsContractIntegrationTests {

    private static final Instant EVER = Instant.parse("9999-01-01T00:00:00Z");

    @Autowired
    OrderEventsListener listener;
    @Autowired
    SettlementOrders orders;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;

    @Test
    void appliesEveryEventTypeOrderServiceEmitsToTheOrderAndTheLedger() {
        Map<String, Sample<OrderEventMessage>> samples = EventContracts.samplesToApply(OrderEventsListener.TOPIC,
                OrderEventMessage.class, JsonMapper.builder().build());
        assertThat(samples.keySet()).containsExactlyInAnyOrder("OrderPlaced", "OrderPaid", "OrderCompleted",
                "OrderRefunded", "OrderCancelled");
        assertThat(samples.values()).allSatisfy(sample -> {
            assertThat(sample.event().payload().orderId()).hasToString(sample.event().aggregateId());
            assertThat(sample.event().sequence()).isPositive();
        });

        // One order placed, paid, refunded in full and cancelled, as the samples were emitted.
        OrderEventMessage.OrderPlaced placed = samples.get("OrderPlaced").payload();
        UUID order = placed.orderId();
        listener.on(samples.get("OrderPlaced").record());
        assertThat(view(order).status()).isEqualTo("PLACED");
        assertThat(view(order).orderNumber()).isEqualTo(placed.orderNumber());
        assertThat(view(order).grossFen()).isEqualTo(placed.totalFen());

        OrderEventMessage.OrderPaid paid = samples.get("OrderPaid").payload();
        assertThat(paid.orderId()).isEqualTo(order);
        listener.on(samples.get("OrderPaid").record());
        assertThat(view(order).status()).isEqualTo("PAID");
        assertThat(view(order).paidAt()).isEqualTo(paid.paidAt());
        assertThat(ledger.recorded("paid:" + order)).isTrue();
        assertThat(ledger.orderMovements(AccountType.RECEIPTS_CLEARING, Instant.EPOCH, EVER).get(order))
                .isEqualTo(paid.totalFen());

        OrderEventMessage.OrderRefunded refunded = samples.get("OrderRefunded").payload();
        listener.on(samples.get("OrderRefunded").record());
        assertThat(view(order).refundedFen()).isEqualTo(refunded.totalFen());
        assertThat(ledger.recorded("refund:" + refunded.refundId())).isTrue();
        assertThat(ledger.orderMovements(AccountType.REFUNDS, Instant.EPOCH, EVER).get(order))
                .isEqualTo(-refunded.totalFen());

        listener.on(samples.get("OrderCancelled").record());
        assertThat(view(order).status()).isEqualTo("CANCELLED");

        // Another order, completed: its completion arrives first and waits for the payment, then both apply.
        OrderEventMessage.OrderCompleted completed = samples.get("OrderCompleted").payload();
        UUID other = completed.orderId();
        listener.on(samples.get("OrderCompleted").record());
        assertThat(waiting(other)).isEqualTo(1);

        listener.on(samples.get("OrderPaid").with(order, other).again().record());
        assertThat(waiting(other)).isZero();
        assertThat(view(other).status()).isEqualTo("COMPLETED");
        assertThat(view(other).completedAt()).isEqualTo(completed.completedAt());
        assertThat(ledger.recorded("paid:" + other)).isTrue();
        // No linkage names the sample's product here: the line's net waits in suspense, and completes there.
        assertThat(jdbc.sql("SELECT completed_at FROM settled_line WHERE order_id = ?").param(other.toString())
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list()).isNotEmpty()
                .containsOnly(completed.completedAt());

        EventContracts.assertDocumentedConsumer(OrderEventsListener.TOPIC, "settlement-order-events");
    }

    private SettlementOrderView view(UUID order) {
        return orders.findById(order).map(SettlementOrder::view).orElseThrow();
    }

    private long waiting(UUID order) {
        return jdbc.sql("SELECT COUNT(*) FROM waiting_order_event WHERE order_id = ?").param(order.toString())
                .query(Long.class).single();
    }
}
