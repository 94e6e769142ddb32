package io.fupin.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.order.EventLog;
import io.fupin.order.IntegrationTest;
import io.fupin.order.RunningCatalog;
import io.fupin.order.Shop;
import io.fupin.order.Shop.Reply;
import io.fupin.order.Shop.Seller;
import io.fupin.support.identity.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class LifecycleIntegrationTests {

    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrderSweeps sweeps;
    @Autowired
    Clock clock;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    Shop shop;
    EventLog events;
    Caller buyer = Shop.newBuyer("buyer");

    @BeforeEach
    void setUp() {
        events = new EventLog(brokers, json);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void goesFromPaymentThroughShippingAndDeliveryToCompletion() {
        Seller seller = shop.newSeller();
        UUID product = shop.listProduct(seller, 10, 2990, 300);
        UUID order = shop.placeOrder(buyer, product, 2);

        UUID payment = shop.payInSandbox(buyer, order);
        awaitStatus(order, "PAID");
        assertThat(shop.post(seller.caller(), "/api/orders/" + order + "/shipments", Map.of("trackingNumber", "SF1234567890")).status())
                .isEqualTo(200);
        assertThat(shop.status(buyer, order)).isEqualTo("SHIPPED");
        assertThat(shop.post(buyer, "/api/orders/" + order + "/delivery", null).status()).isEqualTo(200);
        assertThat(shop.status(buyer, order)).isEqualTo("DELIVERED");
        sweeps.sweepAsOf(clock.instant().plus(Duration.ofDays(8)));
        assertThat(shop.status(buyer, order)).isEqualTo("COMPLETED");

        List<JsonNode> all = events.await(order, "OrderPlaced", "OrderPaid", "OrderShipped", "OrderDelivered", "OrderCompleted");
        // The envelope numbers the order's events in the order they were committed.
        assertThat(all.stream().map(e -> e.get("sequence").asLong()).toList()).containsExactly(1L, 2L, 3L, 4L, 5L);
        JsonNode paid = all.get(1).get("payload");
        assertThat(paid.get("paymentId").asString()).isEqualTo(payment.toString());
        assertThat(paid.get("paidAt").asString()).isNotBlank();
        assertThat(paid.get("totalFen").asLong()).isEqualTo(5980);
        assertThat(paid.get("channel").asString()).isEqualTo("ONLINE");
        JsonNode line = paid.get("lines").get(0);
        assertThat(line.get("sellerId").asString()).isEqualTo(seller.id().toString());
        assertThat(line.get("unitCostFen").asLong()).isEqualTo(300);
        assertThat(line.get("amountFen").asLong()).isEqualTo(5980);
        assertThat(line.has("presaleDeliveryDate")).isTrue();
        assertThat(all.get(2).get("payload").get("trackingNumber").asString()).isEqualTo("SF1234567890");
        assertThat(all.get(3).get("payload").get("automatically").asBoolean()).isFalse();
        assertThat(shop.stockOf(product)).isEqualTo(8);
    }

    @Test
    void refusesIllegalTransitionsWith409() {
        Seller seller = shop.newSeller();
        UUID product = shop.listProduct(seller, 10, 1000, 0);
        UUID order = shop.placeOrder(buyer, product, 1);

        assertThat(shop.post(seller.caller(), "/api/orders/" + order + "/shipments", Map.of("trackingNumber", "SF1")).status()).isEqualTo(409);
        Reply deliver = shop.post(buyer, "/api/orders/" + order + "/delivery", null);
        assertThat(deliver.status()).isEqualTo(409);
        assertThat(deliver.text("type")).endsWith("/illegal-transition");

        shop.payInSandbox(buyer, order);
        awaitStatus(order, "PAID");
        shop.post(seller.caller(), "/api/orders/" + order + "/shipments", Map.of("trackingNumber", "SF1"));
        assertThat(shop.post(seller.caller(), "/api/orders/" + order + "/shipments", Map.of("trackingNumber", "SF2")).status()).isEqualTo(409);
        assertThat(shop.post(buyer, "/api/orders/" + order + "/cancellation", null).status()).isEqualTo(409);
        assertThat(shop.post(buyer, "/api/orders/" + order + "/refunds",
                Map.of("lines", List.of(Map.of("productId", product, "quantity", 1)))).status()).isEqualTo(409);
        assertThat(shop.status(buyer, order)).isEqualTo("SHIPPED");

        UUID cancelled = shop.placeOrder(buyer, product, 1);
        assertThat(shop.post(buyer, "/api/orders/" + cancelled + "/cancellation", null).status()).isEqualTo(200);
        assertThat(shop.post(buyer, "/api/orders/" + cancelled + "/cancellation", null).status()).isEqualTo(409);
        Reply payCancelled = shop.startPayment(buyer, cancelled, 1000);
        assertThat(payCancelled.status()).isEqualTo(409);
        assertThat(payCancelled.text("type")).endsWith("/order-not-payable");
    }

    @Test
    void cancellingAPaidOrderRefundsEverythingThenCancelsAndReturnsTheStock() {
        UUID product = shop.listProduct(10, 1500, 0);
        UUID order = shop.placeOrder(buyer, product, 4);
        UUID payment = shop.payInSandbox(buyer, order);
        awaitStatus(order, "PAID");

        Reply cancelled = shop.post(buyer, "/api/orders/" + order + "/cancellation", null);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        List<JsonNode> all = events.await(order, "OrderPlaced", "OrderPaid", "OrderRefunded", "OrderCancelled");
        // Registered in one transaction, the refund and the cancellation still have an order of their own.
        assertThat(all.stream().map(e -> e.get("sequence").asLong()).toList()).containsExactly(1L, 2L, 3L, 4L);
        JsonNode refunded = all.get(2).get("payload");
        assertThat(refunded.get("reason").asString()).isEqualTo("CANCELLED");
        assertThat(refunded.get("totalFen").asLong()).isEqualTo(6000);
        assertThat(refunded.get("lines").get(0).get("quantity").asInt()).isEqualTo(4);
        assertThat(all.get(3).get("payload").get("wasPaid").asBoolean()).isTrue();
        assertThat(shop.stockOf(product)).isEqualTo(10);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT refunded_fen FROM sandbox_transaction WHERE payment_id = ?").param(payment.toString())
                .query(Long.class).single() == 6000L);
    }

    @Test
    void theStockOfAPaidOrderCancelledWhileCatalogIsDownGoesBackOnceCatalogIsBack() throws InterruptedException {
        UUID product = shop.listProduct(10, 1500, 0);
        UUID order = shop.placeOrder(buyer, product, 4);
        shop.payInSandbox(buyer, order);
        awaitStatus(order, "PAID");
        int[] cancelStatus = new int[1];

        RunningCatalog.crashDuring(() -> cancelStatus[0] = shop.post(buyer, "/api/orders/" + order + "/cancellation", null).status());

        // Cancelled and refunded while catalog was down: its reservation is still confirmed there, and catalog's
        // own expiry never gives back the units of a confirmed one.
        assertThat(cancelStatus[0]).isEqualTo(200);
        assertThat(shop.status(buyer, order)).isEqualTo("CANCELLED");
        assertThat(shop.stockOf(product)).isEqualTo(6);
        sweeps.sweepAsOf(clock.instant());
        assertThat(shop.stockOf(product)).isEqualTo(10);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_release WHERE order_id = ?").param(order.toString())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void unpaidOrdersExpireAndTheirStockIsReleased() {
        UUID product = shop.listProduct(5, 1000, 0);
        UUID order = shop.placeOrder(buyer, product, 3);
        assertThat(shop.stockOf(product)).isEqualTo(2);

        sweeps.sweepAsOf(clock.instant().plus(Duration.ofMinutes(16)));

        assertThat(shop.status(buyer, order)).isEqualTo("CANCELLED");
        assertThat(shop.get(buyer, "/api/orders/" + order).text("cancelReason")).isEqualTo("PAYMENT_EXPIRED");
        assertThat(shop.stockOf(product)).isEqualTo(5);
        List<JsonNode> all = events.await(order, "OrderPlaced", "OrderCancelled");
        assertThat(all.get(1).get("payload").get("wasPaid").asBoolean()).isFalse();
    }

    @Test
    void shippedOrdersCountAsDeliveredAfterTheConfiguredDays() {
        Seller seller = shop.newSeller();
        UUID product = shop.listProduct(seller, 5, 1000, 0);
        UUID order = shop.placeOrder(buyer, product, 1);
        shop.payInSandbox(buyer, order);
        awaitStatus(order, "PAID");
        shop.post(seller.caller(), "/api/orders/" + order + "/shipments", Map.of("trackingNumber", "YT998877"));

        sweeps.sweepAsOf(clock.instant().plus(Duration.ofDays(9)));
        assertThat(shop.status(buyer, order)).isEqualTo("SHIPPED");
        sweeps.sweepAsOf(clock.instant().plus(Duration.ofDays(11)));
        assertThat(shop.status(buyer, order)).isEqualTo("DELIVERED");

        JsonNode delivered = events.await(order, "OrderPlaced", "OrderPaid", "OrderShipped", "OrderDelivered").get(3);
        assertThat(delivered.get("payload").get("automatically").asBoolean()).isTrue();
    }

    @Test
    void afterDeliveryTheSellerAcceptsARefundOfSomeLines() {
        Seller rice = shop.newSeller();
        Seller eggs = shop.newSeller();
        UUID riceProduct = shop.listProduct(rice, 10, 5000, 500);
        UUID eggProduct = shop.listProduct(eggs, 10, 1200, 0);
        Map<UUID, Integer> lines = new LinkedHashMap<>();
        lines.put(riceProduct, 2);
        lines.put(eggProduct, 3);
        UUID order = UUID.fromString(shop.place(buyer, Shop.order("ONLINE", lines)).text("id"));
        shop.payInSandbox(buyer, order);
        awaitStatus(order, "PAID");
        shop.post(rice.caller(), "/api/orders/" + order + "/shipments", Map.of("trackingNumber", "SF1"));
        assertThat(shop.status(buyer, order)).isEqualTo("PAID");
        shop.post(eggs.caller(), "/api/orders/" + order + "/shipments", Map.of("trackingNumber", "SF2"));
        shop.post(buyer, "/api/orders/" + order + "/delivery", null);

        Reply mixed = shop.post(buyer, "/api/orders/" + order + "/refunds", Map.of("lines",
                List.of(Map.of("productId", eggProduct, "quantity", 1), Map.of("productId", riceProduct, "quantity", 1))));
        assertThat(mixed.status()).isEqualTo(409);
        Reply tooMany = shop.post(buyer, "/api/orders/" + order + "/refunds",
                Map.of("lines", List.of(Map.of("productId", eggProduct, "quantity", 4))));
        assertThat(tooMany.status()).isEqualTo(409);
        Reply requested = shop.post(buyer, "/api/orders/" + order + "/refunds",
                Map.of("lines", List.of(Map.of("productId", eggProduct, "quantity", 2)), "note", "两个蛋碎了"));
        assertThat(requested.status()).isEqualTo(201);
        String refundId = requested.json().get("refunds").get(0).get("refundId").asString();

        sweeps.sweepAsOf(clock.instant().plus(Duration.ofDays(30)));
        assertThat(shop.status(buyer, order)).as("no completion while a refund request is open").isEqualTo("DELIVERED");
        assertThat(shop.post(rice.caller(), "/api/orders/" + order + "/refunds/" + refundId + "/acceptance", null).status())
                .isEqualTo(404);
        Reply accepted = shop.post(eggs.caller(), "/api/orders/" + order + "/refunds/" + refundId + "/acceptance", null);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(shop.post(eggs.caller(), "/api/orders/" + order + "/refunds/" + refundId + "/acceptance", null).status())
                .isEqualTo(409);
        sweeps.sweepAsOf(clock.instant().plus(Duration.ofDays(30)));
        assertThat(shop.status(buyer, order)).isEqualTo("COMPLETED");

        List<JsonNode> all = events.await(order, "OrderPlaced", "OrderPaid", "OrderShipped", "OrderShipped",
                "OrderDelivered", "OrderRefunded", "OrderCompleted");
        JsonNode refunded = all.get(5).get("payload");
        assertThat(refunded.get("refundId").asString()).isEqualTo(refundId);
        assertThat(refunded.get("reason").asString()).isEqualTo("RETURNED_AFTER_DELIVERY");
        assertThat(refunded.get("totalFen").asLong()).isEqualTo(2400);
        assertThat(refunded.get("lines")).hasSize(1);
        assertThat(refunded.get("lines").get(0).get("productId").asString()).isEqualTo(eggProduct.toString());
        assertThat(refunded.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void theSellerRejectsARefundRequestWithAReasonTheBuyerReads() {
        Seller eggs = shop.newSeller();
        UUID eggProduct = shop.listProduct(eggs, 10, 1200, 0);
        UUID order = UUID.fromString(shop.place(buyer, Shop.order("ONLINE", Map.of(eggProduct, 3))).text("id"));
        shop.payInSandbox(buyer, order);
        awaitStatus(order, "PAID");
        shop.post(eggs.caller(), "/api/orders/" + order + "/shipments", Map.of("trackingNumber", "SF3"));
        shop.post(buyer, "/api/orders/" + order + "/delivery", null);
        Reply requested = shop.post(buyer, "/api/orders/" + order + "/refunds",
                Map.of("lines", List.of(Map.of("productId", eggProduct, "quantity", 1)), "note", "不想要了"));
        String refundId = requested.json().get("refunds").get(0).get("refundId").asString();
        String rejection = "/api/orders/" + order + "/refunds/" + refundId + "/rejection";

        Reply noBody = shop.post(eggs.caller(), rejection, null);
        Reply blank = shop.post(eggs.caller(), rejection, Map.of("reason", "  "));
        Reply tooLong = shop.post(eggs.caller(), rejection, Map.of("reason", "长".repeat(501)));
        for (Reply refused : List.of(noBody, blank, tooLong)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("status").asInt()).isEqualTo(400);
        }
        assertThat(blank.body()).contains("reason");
        JsonNode untouched = shop.get(buyer, "/api/orders/" + order).json().get("refunds").get(0);
        assertThat(untouched.get("status").asString()).as("nothing decided by a refused rejection").isEqualTo("REQUESTED");

        Reply rejected = shop.post(eggs.caller(), rejection, Map.of("reason", "鸡蛋已食用，不符合退货条件"));
        assertThat(rejected.status()).isEqualTo(200);
        JsonNode refund = shop.get(buyer, "/api/orders/" + order).json().get("refunds").get(0);
        assertThat(refund.get("status").asString()).isEqualTo("REJECTED");
        assertThat(refund.get("rejectionReason").asString()).isEqualTo("鸡蛋已食用，不符合退货条件");
        assertThat(refund.get("decidedAt").isNull()).isFalse();
        assertThat(jdbc.sql("SELECT rejection_reason FROM order_refund WHERE refund_id = ?").param(refundId)
                .query(String.class).single()).isEqualTo("鸡蛋已食用，不符合退货条件");
        assertThat(shop.post(eggs.caller(), rejection, Map.of("reason", "再次拒绝")).status())
                .as("decided already").isEqualTo(409);
        sweeps.sweepAsOf(clock.instant().plus(Duration.ofDays(30)));
        assertThat(shop.status(buyer, order)).as("a rejected request no longer holds completion").isEqualTo("COMPLETED");
    }

    @Test
    void aSellerSeesOnlyOrdersWithItsProductsAndOnlyItsLines() {
        Seller rice = shop.newSeller();
        Seller eggs = shop.newSeller();
        UUID riceProduct = shop.listProduct(rice, 10, 5000, 0);
        UUID eggProduct = shop.listProduct(eggs, 10, 1200, 0);
        Map<UUID, Integer> lines = new LinkedHashMap<>();
        lines.put(riceProduct, 1);
        lines.put(eggProduct, 2);
        UUID both = UUID.fromString(shop.place(buyer, Shop.order("ONLINE", lines)).text("id"));
        UUID eggsOnly = shop.placeOrder(buyer, eggProduct, 1);

        List<JsonNode> riceView = shop.list(rice.caller(), "?view=seller");
        assertThat(riceView).extracting(o -> o.get("id").asString()).containsExactly(both.toString());
        assertThat(riceView.get(0).get("lines")).hasSize(1);
        assertThat(riceView.get(0).get("totalFen").asLong()).isEqualTo(5000);
        assertThat(shop.list(eggs.caller(), "?view=seller")).extracting(o -> o.get("id").asString())
                .containsExactlyInAnyOrder(eggsOnly.toString(), both.toString());

        assertThat(shop.get(rice.caller(), "/api/orders/" + eggsOnly).status()).isEqualTo(403);
        JsonNode one = shop.get(rice.caller(), "/api/orders/" + both).json();
        assertThat(one.get("lines")).hasSize(1);
        assertThat(one.get("lines").get(0).get("productId").asString()).isEqualTo(riceProduct.toString());

        assertThat(shop.list(buyer, "")).hasSize(2);
        assertThat(shop.list(buyer, "?status=CANCELLED")).isEmpty();
        assertThat(shop.list(Caller.of("someone-else", null, "CONSUMER"), "")).isEmpty();
        assertThat(shop.get(rice.caller(), "/api/orders?view=buyer").status()).isEqualTo(403);
        assertThat(shop.get(buyer, "/api/orders?view=seller").status()).isEqualTo(403);
        assertThat(shop.post(Caller.of("someone-else", null, "CONSUMER"), "/api/orders/" + both + "/cancellation", null).status())
                .isEqualTo(403);
    }

    @Test
    void ordersAnswerOnePageWithTotalsAndLinksThatKeepTheFilters() {
        Seller eggs = shop.newSeller();
        UUID eggProduct = shop.listProduct(eggs, 10, 1200, 0);
        UUID one = shop.placeOrder(buyer, eggProduct, 1);
        UUID other = shop.placeOrder(buyer, eggProduct, 2);

        JsonNode first = shop.get(eggs.caller(), "/api/orders?view=seller&status=PENDING_PAYMENT&size=1").json();
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(1);
        assertThat(first.get("totalItems").asLong()).isEqualTo(2);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.get("links").get("next").asString())
                .isEqualTo("/api/orders?view=seller&status=PENDING_PAYMENT&page=1&size=1");
        assertThat(first.get("links").has("prev")).isFalse();

        JsonNode second = shop.get(eggs.caller(), first.get("links").get("next").asString()).json();
        assertThat(List.of(first.get("items").get(0).get("id").asString(), second.get("items").get(0).get("id").asString()))
                .containsExactlyInAnyOrder(one.toString(), other.toString());
        assertThat(second.get("links").has("next")).isFalse();
        assertThat(second.get("links").get("prev").asString())
                .isEqualTo("/api/orders?view=seller&status=PENDING_PAYMENT&page=0&size=1");
    }

    @Test
    void aPageBeyondTheLargestOffsetIsAnInvalidRequest() {
        Shop.Reply reply = shop.get(buyer, "/api/orders?page=2147483647&size=100");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("type").asString()).isEqualTo("https://fupin.market/problems/invalid-request");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
    }

    @Test
    void aSellerSeesTheDeliveryContactOnlyOnOrdersItMustShip() {
        Seller rice = shop.newSeller();
        Seller eggs = shop.newSeller();
        UUID riceProduct = shop.listProduct(rice, 10, 5000, 0);
        UUID eggProduct = shop.listProduct(eggs, 10, 1200, 0);
        Map<UUID, Integer> lines = new LinkedHashMap<>();
        lines.put(riceProduct, 1);
        lines.put(eggProduct, 2);
        UUID both = UUID.fromString(shop.place(buyer, Shop.order("ONLINE", lines)).text("id"));
        UUID unpaid = shop.placeOrder(buyer, eggProduct, 1);
        UUID cancelled = shop.placeOrder(buyer, eggProduct, 1);
        shop.post(buyer, "/api/orders/" + cancelled + "/cancellation", null);

        assertThat(mobileSeenBy(rice.caller(), both)).as("unpaid").isNull();
        assertThat(mobileSeenBy(eggs.caller(), unpaid)).as("unpaid").isNull();
        assertThat(mobileSeenBy(eggs.caller(), cancelled)).as("cancelled").isNull();
        assertThat(shop.list(eggs.caller(), "?view=seller")).allSatisfy(o -> assertThat(mobileIn(o)).isNull());

        shop.payInSandbox(buyer, both);
        awaitStatus(both, "PAID");
        assertThat(mobileSeenBy(rice.caller(), both)).isEqualTo("13800138000");
        assertThat(mobileSeenBy(eggs.caller(), both)).isEqualTo("13800138000");
        assertThat(shop.list(eggs.caller(), "?view=seller")).filteredOn(o -> o.get("id").asString().equals(both.toString()))
                .singleElement().satisfies(o -> assertThat(mobileIn(o)).isEqualTo("13800138000"));

        shop.post(rice.caller(), "/api/orders/" + both + "/shipments", Map.of("trackingNumber", "SF1"));
        assertThat(mobileSeenBy(rice.caller(), both)).as("shipped by this seller").isNull();
        assertThat(mobileSeenBy(eggs.caller(), both)).as("still to ship").isEqualTo("13800138000");
        shop.post(eggs.caller(), "/api/orders/" + both + "/shipments", Map.of("trackingNumber", "SF2"));
        assertThat(mobileSeenBy(eggs.caller(), both)).isNull();
        assertThat(mobileSeenBy(buyer, both)).as("the buyer always sees its own").isEqualTo("13800138000");
    }

    private String mobileSeenBy(Caller caller, UUID order) {
        Reply reply = shop.get(caller, "/api/orders/" + order);
        assertThat(reply.status()).isEqualTo(200);
        return mobileIn(reply.json());
    }

    private static String mobileIn(JsonNode order) {
        JsonNode delivery = order.get("delivery");
        return delivery == null || delivery.isNull() ? null : delivery.get("mobile").asString();
    }

    private void awaitStatus(UUID order, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(shop.status(buyer, order)));
    }
}
