package io.fupin.order.payment;

import io.fupin.order.checkout.OrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fupin.order.IntegrationTest;
import io.fupin.order.Shop;
import io.fupin.support.identity.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class RefundIntegrationTests {

    static final Caller CLERK = Caller.of("clerk", null, "CLERK");

    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    SandboxWallet sandbox;
    @Autowired
    PaymentDesk desk;
    @Autowired
    Refunds refunds;
    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Shop shop;
    Caller buyer = Shop.newBuyer("refunded");

    @AfterEach
    void tearDown() {
        sandbox.refundsFailing(false);
    }

    @Test
    void aRefundTheProviderRefusesIsRetriedUntilItIsDeliveredExactlyOnce() {
        UUID product = shop.listProduct(10, 1500, 0);
        UUID order = shop.placeOrder(buyer, product, 2);
        UUID payment = shop.payInSandbox(buyer, order);
        await().atMost(Duration.ofSeconds(15)).until(() -> "PAID".equals(shop.status(buyer, order)));
        sandbox.refundsFailing(true);

        assertThat(shop.post(buyer, "/api/orders/" + order + "/cancellation", null).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> owedTo(order) != null && owedTo(order).get("attempts").asInt() >= 2);
        JsonNode owed = owedTo(order);
        assertThat(owed.get("amountFen").asLong()).isEqualTo(3000);
        assertThat(owed.get("paymentId").asString()).isEqualTo(payment.toString());
        assertThat(owed.get("lastError").asString()).contains("refuses");
        assertThat(refundedBySandbox(payment)).isZero();
        assertThat(shop.get(buyer, "/api/payments/refunds").status()).isEqualTo(403);

        sandbox.refundsFailing(false);
        refunds.deliverDue(clock.instant().plus(Duration.ofHours(1)));

        await().atMost(Duration.ofSeconds(20)).until(() -> owedTo(order) == null);
        refunds.deliverDue(clock.instant().plus(Duration.ofHours(2)));
        assertThat(refundedBySandbox(payment)).isEqualTo(3000L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_refund WHERE payment_id = ?").param(payment.toString())
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(refunds.ofOrder(new OrderId(order))).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Refunds.Status.SENT);
            assertThat(r.amountFen()).isEqualTo(3000);
        });
    }

    @Test
    void anOrderCancelledWhileItsPaymentIsPendingGetsTheMoneyBackWhenTheBuyerPaysAnyway() {
        UUID product = shop.listProduct(10, 800, 0);
        UUID order = shop.placeOrder(buyer, product, 3);
        UUID payment = UUID.fromString(shop.startPayment(buyer, order, 2400).text("id"));

        assertThat(shop.post(buyer, "/api/orders/" + order + "/cancellation", null).status()).isEqualTo(200);
        JsonNode waiting = owedTo(order);
        assertThat(waiting).as("owed as soon as the order is cancelled").isNotNull();
        assertThat(waiting.get("paymentStatus").asString()).isEqualTo("PENDING");

        shop.post(buyer, "/api/payments/" + payment + "/sandbox/pay", null);

        await().atMost(Duration.ofSeconds(20)).until(() -> refundedBySandbox(payment) == 2400L);
        await().atMost(Duration.ofSeconds(10)).until(() -> owedTo(order) == null);
        assertThat(shop.get(buyer, "/api/payments/" + payment).text("status")).isEqualTo("REFUNDED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_refund WHERE payment_id = ?").param(payment.toString())
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void anOrderCancelledWhileItsPaymentIsPendingAndNeverPaidHasItsPaymentVoided() {
        UUID product = shop.listProduct(10, 800, 0);
        UUID order = shop.placeOrder(buyer, product, 1);
        UUID payment = UUID.fromString(shop.startPayment(buyer, order, 800).text("id"));
        shop.post(buyer, "/api/orders/" + order + "/cancellation", null);

        desk.pollDue(clock.instant().plus(Duration.ofMinutes(5)));

        assertThat(shop.get(buyer, "/api/payments/" + payment).text("status")).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT status FROM sandbox_transaction WHERE payment_id = ?").param(payment.toString())
                .query(String.class).single()).isEqualTo("CLOSED");
        assertThat(owedTo(order)).isNull();
        assertThat(refunds.ofOrder(new OrderId(order))).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(Refunds.Status.VOID));
        assertThat(shop.post(buyer, "/api/payments/" + payment + "/sandbox/pay", null).status()).isEqualTo(202);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> refundedBySandbox(payment) == 0L
                && "FAILED".equals(shop.get(buyer, "/api/payments/" + payment).text("status")));
    }

    @Test
    void aPaymentWhoseCallbackNeverCameIsSettledByPollingTheProvider() {
        UUID product = shop.listProduct(10, 990, 0);
        UUID order = shop.placeOrder(buyer, product, 1);
        UUID payment = UUID.fromString(shop.startPayment(buyer, order, 990).text("id"));
        // The buyer paid, but the provider's callback was lost.
        jdbc.sql("UPDATE sandbox_transaction SET status = 'PAID', paid_at = ? WHERE payment_id = ?")
                .params(java.sql.Timestamp.from(clock.instant()), payment.toString()).update();

        desk.pollDue(clock.instant());
        assertThat(shop.get(buyer, "/api/payments/" + payment).text("status")).as("not polled before its first poll is due")
                .isEqualTo("PENDING");
        desk.pollDue(clock.instant().plus(Duration.ofMinutes(5)));

        assertThat(shop.status(buyer, order)).isEqualTo("PAID");
        assertThat(shop.get(buyer, "/api/payments/" + payment).text("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void neverMoreGoesBackThanThePaymentTook() {
        UUID product = shop.listProduct(10, 1000, 0);
        UUID order = shop.placeOrder(buyer, product, 2);
        UUID payment = shop.payInSandbox(buyer, order);
        await().atMost(Duration.ofSeconds(15)).until(() -> "PAID".equals(shop.status(buyer, order)));
        shop.post(buyer, "/api/orders/" + order + "/cancellation", null);

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx ->
                refunds.owe(UUID.randomUUID(), new OrderId(order), payment, 1, "CANCELLED")))
                .isInstanceOf(RefundExceedsPayment.class);
        assertThat(refunds.ofOrder(new OrderId(order))).hasSize(1);
        assertThat(refunds.ofOrder(new OrderId(order)).getFirst().amountFen()).isEqualTo(2000);
    }

    private JsonNode owedTo(UUID order) {
        Shop.Reply reply = shop.get(CLERK, "/api/payments/refunds");
        assertThat(reply.status()).isEqualTo(200);
        for (JsonNode refund : reply.json().get("items")) {
            if (refund.get("orderId").asString().equals(order.toString())) {
                return refund;
            }
        }
        return null;
    }

    private long refundedBySandbox(UUID payment) {
        return jdbc.sql("SELECT refunded_fen FROM sandbox_transaction WHERE payment_id = ?").param(payment.toString())
                .query(Long.class).single();
    }
}
