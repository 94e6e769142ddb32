package io.fupin.order.payment;

import io.fupin.order.checkout.OrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.order.EventLog;
import io.fupin.order.IntegrationTest;
import io.fupin.order.Shop;
import io.fupin.order.Shop.Reply;
import io.fupin.order.checkout.OrderLifecycle;
import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class PaymentIntegrationTests {

    @Autowired
    SignedIdentity identity;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    OrderLifecycle lifecycle;
    @Value("${fupin.payments.sandbox.secret}")
    String secret;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    @Autowired
    Shop shop;
    EventLog events;
    Caller buyer = Shop.newBuyer("payer");

    @BeforeEach
    void setUp() {
        events = new EventLog(brokers, json);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void theSandboxPaysAnOrderThroughASignedAsynchronousCallback() {
        UUID product = shop.listProduct(10, 2500, 0);
        UUID order = shop.placeOrder(buyer, product, 2);

        UUID payment = shop.payInSandbox(buyer, order);

        await().atMost(Duration.ofSeconds(15)).until(() -> "PAID".equals(shop.status(buyer, order)));
        // The order is marked paid first, the payment settled right after, in its own transaction.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "SUCCEEDED".equals(shop.get(buyer, "/api/payments/" + payment).text("status")));
        Reply view = shop.get(buyer, "/api/payments/" + payment);
        assertThat(view.text("providerTradeNo")).startsWith("SBX");
        assertThat(shop.get(buyer, "/api/orders/" + order).text("paymentId")).isEqualTo(payment.toString());
        assertThat(events.await(order, "OrderPlaced", "OrderPaid").get(1).get("payload").get("paymentId").asString())
                .isEqualTo(payment.toString());
        assertThat(shop.get(Caller.of("other", null, "CONSUMER"), "/api/payments/" + payment).status()).isEqualTo(403);
    }

    @Test
    void aPaymentMustBeTheOrderTotalAndStartingItIsIdempotent() {
        UUID product = shop.listProduct(10, 2500, 0);
        UUID order = shop.placeOrder(buyer, product, 2);

        Reply wrong = shop.startPayment(buyer, order, 4999);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.text("type")).endsWith("/amount-mismatch");

        Reply first = shop.startPayment(buyer, order, 5000);
        Reply second = shop.startPayment(buyer, order, 5000);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.text("id")).as("one pending payment per order").isEqualTo(first.text("id"));
        assertThat(shop.startPayment(Caller.of("stranger", null, "CONSUMER"), order, 5000).status()).isEqualTo(403);
    }

    @Test
    void refusesCallbacksWithoutAValidFreshSignature() {
        UUID product = shop.listProduct(10, 1000, 0);
        UUID order = shop.placeOrder(buyer, product, 1);
        UUID payment = UUID.fromString(shop.startPayment(buyer, order, 1000).text("id"));
        byte[] body = notification(payment, 1000);
        String now = Long.toString(clock.instant().getEpochSecond());

        assertThat(callback(body, null, null, null)).as("unsigned").isEqualTo(401);
        assertThat(callback(body, now, "n1", "AAAA" + sign(now, "n1", body).substring(4))).isEqualTo(401);
        byte[] tampered = notification(payment, 1);
        assertThat(callback(tampered, now, "n1", sign(now, "n1", body))).isEqualTo(401);
        String old = Long.toString(clock.instant().minus(Duration.ofMinutes(10)).getEpochSecond());
        assertThat(callback(body, old, "n2", sign(old, "n2", body))).isEqualTo(401);

        assertThat(shop.status(buyer, order)).isEqualTo("PENDING_PAYMENT");
        assertThat(shop.get(buyer, "/api/payments/" + payment).text("status")).isEqualTo("PENDING");
    }

    @Test
    void aReplayedCallbackIsRefusedAndChangesNothing() {
        UUID product = shop.listProduct(10, 1000, 0);
        UUID order = shop.placeOrder(buyer, product, 1);
        UUID payment = UUID.fromString(shop.startPayment(buyer, order, 1000).text("id"));
        byte[] body = notification(payment, 1000);
        String now = Long.toString(clock.instant().getEpochSecond());
        String signature = sign(now, "once", body);

        assertThat(callback(body, now, "once", signature)).isEqualTo(200);
        RestClient.RequestBodySpec replay = RestClient.create("http://localhost:" + port).post().uri("/api/payments/callback")
                .headers(h -> h.addAll(identity.headersFor(Caller.anonymous())))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Pay-Timestamp", now).header("Pay-Nonce", "once").header("Pay-Signature", signature);
        Reply replayed = replay.body(body).exchange((req, res) -> new Reply(res.getStatusCode().value(), res.bodyTo(String.class)));

        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.text("type")).endsWith("/bad-signature");
        assertThat(shop.status(buyer, order)).isEqualTo("PAID");
        assertThat(outboxCount(order, "OrderPaid")).isEqualTo(1);
    }

    @Test
    void aRefundDecidedWhileThePaymentIsStillPendingIsSentOnceItSettles() {
        UUID product = shop.listProduct(10, 1200, 0);
        UUID order = shop.placeOrder(buyer, product, 2);
        UUID payment = UUID.fromString(shop.startPayment(buyer, order, 2400).text("id"));
        // The order took the payment but the payment itself is not settled yet (the service stopped in between).
        assertThat(lifecycle.pay(new OrderId(order), payment, clock.instant())).isEqualTo(OrderLifecycle.Payability.PAID);
        assertThat(shop.get(buyer, "/api/payments/" + payment).text("status")).isEqualTo("PENDING");

        assertThat(shop.post(buyer, "/api/orders/" + order + "/cancellation", null).status()).isEqualTo(200);
        shop.post(buyer, "/api/payments/" + payment + "/sandbox/pay", null);

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT refunded_fen FROM sandbox_transaction WHERE payment_id = ?")
                .param(payment.toString()).query(Long.class).single() == 2400L);
        assertThat(shop.get(buyer, "/api/payments/" + payment).text("status")).isEqualTo("SUCCEEDED");
        assertThat(shop.status(buyer, order)).isEqualTo("CANCELLED");
    }

    @Test
    void duplicateCallbacksAreHarmless() {
        UUID product = shop.listProduct(10, 1000, 0);
        UUID order = shop.placeOrder(buyer, product, 1);
        UUID payment = UUID.fromString(shop.startPayment(buyer, order, 1000).text("id"));
        byte[] body = notification(payment, 1000);
        String now = Long.toString(clock.instant().getEpochSecond());

        assertThat(callback(body, now, "n1", sign(now, "n1", body))).isEqualTo(200);
        assertThat(callback(body, now, "n2", sign(now, "n2", body))).isEqualTo(200);
        assertThat(callback(body, now, "n3", sign(now, "n3", body))).isEqualTo(200);

        assertThat(shop.status(buyer, order)).isEqualTo("PAID");
        assertThat(outboxCount(order, "OrderPaid")).isEqualTo(outboxCount(order, "OrderPlaced")).isPositive();
        events.await(order, "OrderPlaced", "OrderPaid");
    }

    @Test
    void anAmountMismatchIsRefusedAndFlagged() {
        UUID product = shop.listProduct(10, 1000, 0);
        UUID order = shop.placeOrder(buyer, product, 3);
        UUID payment = UUID.fromString(shop.startPayment(buyer, order, 3000).text("id"));

        Reply sent = shop.post(buyer, "/api/payments/" + payment + "/sandbox/pay", Map.of("amountFen", 1));
        assertThat(sent.status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(15)).until(() -> shop.get(Caller.of("clerk", null, "CLERK"), "/api/payments/flags")
                .body().contains(payment.toString()));
        assertThat(shop.status(buyer, order)).isEqualTo("PENDING_PAYMENT");
        assertThat(shop.get(buyer, "/api/payments/" + payment).text("status")).isEqualTo("PENDING");
        byte[] body = notification(payment, 2999);
        String now = Long.toString(clock.instant().getEpochSecond());
        assertThat(callback(body, now, "n9", sign(now, "n9", body))).isEqualTo(422);
        assertThat(shop.get(buyer, "/api/payments/flags").status()).isEqualTo(403);
    }

    @Test
    void moneyForAnOrderThatExpiredMeanwhileGoesBack() {
        UUID product = shop.listProduct(10, 1000, 0);
        UUID order = shop.placeOrder(buyer, product, 2);
        UUID payment = UUID.fromString(shop.startPayment(buyer, order, 2000).text("id"));
        lifecycle.expireUnpaid(clock.instant().plus(Duration.ofMinutes(16)));
        assertThat(shop.status(buyer, order)).isEqualTo("CANCELLED");

        shop.post(buyer, "/api/payments/" + payment + "/sandbox/pay", null);

        await().atMost(Duration.ofSeconds(15)).until(() -> "REFUNDED".equals(shop.get(buyer, "/api/payments/" + payment).text("status")));
        // Owed in the transaction that settled the payment, sent by the refund worker.
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT refunded_fen FROM sandbox_transaction WHERE payment_id = ?")
                .param(payment.toString()).query(Long.class).single() == 2000L);
        assertThat(shop.status(buyer, order)).isEqualTo("CANCELLED");
        assertThat(shop.stockOf(product)).isEqualTo(10);
    }

    private long outboxCount(UUID order, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ? AND SERIALIZED_EVENT LIKE ?")
                .params("%\"eventType\":\"" + type + "\"%", "%" + order + "%").query(Long.class).single();
    }

    private byte[] notification(UUID payment, long amountFen) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("notifyId", "notify-" + payment);
        n.put("paymentId", payment.toString());
        n.put("tradeNo", "SBX-TEST");
        n.put("status", "SUCCESS");
        n.put("amountFen", amountFen);
        n.put("paidAt", clock.instant().toString());
        return json.writeValueAsString(n).getBytes(StandardCharsets.UTF_8);
    }

    private String sign(String timestamp, String nonce, byte[] body) {
        return new CallbackSignature(secret, "PAYMENT_SANDBOX_SECRET").sign(timestamp, nonce, body);
    }

    private int callback(byte[] body, String timestamp, String nonce, String signature) {
        RestClient.RequestBodySpec spec = RestClient.create("http://localhost:" + port).post().uri("/api/payments/callback")
                .headers(h -> h.addAll(identity.headersFor(Caller.anonymous())))
                .contentType(MediaType.APPLICATION_JSON);
        if (timestamp != null) {
            spec.header("Pay-Timestamp", timestamp).header("Pay-Nonce", nonce).header("Pay-Signature", signature);
        }
        return spec.body(body).exchange((req, res) -> res.getStatusCode().value());
    }
}
