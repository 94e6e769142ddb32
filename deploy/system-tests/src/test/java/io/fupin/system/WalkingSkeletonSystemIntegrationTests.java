package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.system.Platform.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The skeleton flow end to end, through the gateway, on the stack that {@code deploy/local/fupin up} started. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonSystemIntegrationTests {

    static final Platform platform = new Platform();

    @Test
    @Order(1)
    void theGatewayIsUp() {
        Reply health = platform.get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
    }

    @Test
    @Order(2)
    void anOrderPlacedThroughTheGatewayReachesSettlement() {
        String product = Listings.listProduct(platform, "翠小妹花生", "PEANUTS", 20, 2990, 300);
        // The search index follows the catalog's events: a newly certified product appears within moments.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Reply browse = platform.get(null, "/api/catalog/products?size=100");
            assertThat(browse.status()).isEqualTo(200);
            assertThat(browse.body().get("items").toString()).contains(product);
        });

        Reply order = placeOrder(product, 2);
        assertThat(order.status()).as(order.raw().body()).isEqualTo(201);
        String orderId = order.body().get("id").asString();

        Reply recorded = awaitRecorded(orderId);
        assertThat(recorded.body().get("grossFen").asLong()).isEqualTo(2 * 2990);
        assertThat(recorded.body().get("costFen").asLong()).isEqualTo(2 * 300);
    }

    @Test
    @Order(3)
    void aSettlementServiceKilledBeforeItConsumesRecordsTheOrderExactlyOnce() throws SQLException {
        String product = Listings.listProduct(platform, "翠小妹花生", "PEANUTS", 5, 1500, 0);
        long processedBefore = processedOrderEvents();

        Platform.cli("kill", "settlement-service");
        Reply order = placeOrder(product, 1);
        assertThat(order.status()).as(order.raw().body()).isEqualTo(201);
        String orderId = order.body().get("id").asString();
        Platform.cli("start", "settlement-service");

        Reply recorded = awaitRecorded(orderId);
        assertThat(recorded.body().get("grossFen").asLong()).isEqualTo(1500);
        assertThat(settlementRows(orderId)).isEqualTo(1);
        // Exactly the one new event was applied: nothing twice, nothing lost.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> processedOrderEvents() == processedBefore + 1);
    }

    @Test
    @Order(4)
    void servicesRefuseIdentityThatDidNotComeFromTheGateway() throws Exception {
        assertThat(platform.get(null, "/api/catalog/products").status()).isEqualTo(200);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> direct = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:8084/api/settlements/orders/" + UUID.randomUUID()))
                .header("X-Fupin-User-Id", "clerk").header("X-Fupin-Roles", "CLERK").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(401);
        assertThat(direct.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }

    /**
     * Anyone can reach the provider's callback route; a callback not signed with this machine's secret (here one
     * signed with the secret that used to be committed as a default, and one not signed at all) is refused with 401
     * at the gateway's public address and pays nothing.
     */
    @Test
    @Order(5)
    void aForgedPaymentCallbackThroughTheGatewayIsRefusedAndChangesNothing() throws Exception {
        String product = Listings.listProduct(platform, "翠小妹花生", "PEANUTS", 5, 1200, 0);
        Reply order = placeOrder(product, 1);
        assertThat(order.status()).as(order.raw().body()).isEqualTo(201);
        String orderId = order.body().get("id").asString();
        Reply payment = platform.post("consumer", "/api/payments", Map.of("orderId", orderId, "amountFen", 1200),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(payment.status()).as(payment.raw().body()).isEqualTo(201);
        String paymentId = payment.body().get("id").asString();
        Map<String, Object> forged = Map.of("notifyId", UUID.randomUUID().toString(), "paymentId", paymentId,
                "tradeNo", "FORGED", "status", "SUCCESS", "amountFen", 1200, "paidAt", Instant.now().toString());
        String body = JsonMapper.builder().build().writeValueAsString(forged);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("sandbox-callback-secret-change-me-0123456789".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + "forged\n" + body + "\n").getBytes(StandardCharsets.UTF_8)));

        Reply signedWithAGuess = platform.send("POST", "/api/payments/callback", null, forged,
                Map.of("Pay-Timestamp", timestamp, "Pay-Nonce", "forged", "Pay-Signature", signature));
        Reply unsigned = platform.send("POST", "/api/payments/callback", null, forged, Map.of());

        for (Reply refused : List.of(signedWithAGuess, unsigned)) {
            assertThat(refused.status()).as(refused.raw().body()).isEqualTo(401);
            assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
        assertThat(platform.get("consumer", "/api/orders/" + orderId).body().get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(platform.get("consumer", "/api/payments/" + paymentId).body().get("status").asString()).isEqualTo("PENDING");
    }

    /**
     * A small livestream (issue 8's scenario, 60 buyers) run by the local stack's own command, then the latest
     * period's report checked against the ledger: receipts - refunds = allocations + costs + suspense to the fen,
     * margin 0, and what the bank paid of its batch reaches the households' income. The livestream closes and pays
     * today's period unless the clerk console's journey did so first ({@link SettlementDays}): then the period and
     * batch checked are that journey's.
     */
    @Test
    @Order(6)
    void aSmallLivestreamReconcilesToTheFenWithZeroMargin() {
        Platform.cli("livestream", "--buyers", "60");

        JsonNode period = SettlementDays.latestPeriod(platform);
        assertThat(period).isNotNull();
        Reply report = platform.get("clerk", "/api/settlements/periods/" + period.get("periodId").asString() + "/report");
        assertThat(report.status()).as(report.raw().body()).isEqualTo(200);
        JsonNode r = report.body();
        long receipts = r.get("receiptsFen").asLong();
        assertThat(receipts).isPositive();
        assertThat(r.get("marginFen").asLong()).isZero();
        assertThat(receipts - r.get("refundsFen").asLong())
                .isEqualTo(r.get("allocationsFen").asLong() + r.get("costsFen").asLong() + r.get("suspenseFen").asLong());
        assertThat(r.get("identityHolds").asBoolean()).isTrue();

        // What the bank paid of the batch is what the households' income ledger received.
        JsonNode batch = SettlementDays.batch(platform, period.get("batchId").asString());
        assertThat(batch.get("status").asString()).isEqualTo("PAID");
        long paid = SettlementDays.paidFen(batch);
        assertThat(paid).isPositive();
        Reply places = platform.get("official", "/api/households/places");
        String district = null;
        for (JsonNode place : places.body().get("items")) {
            if (place.get("kind").asString().equals("DISTRICT")) {
                district = place.get("id").asString();
            }
        }
        String districtId = district;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                platform.get("official", "/api/households/reports/places/" + districtId).body().get("total")
                        .get("totalIncomeFen").asLong()).isGreaterThanOrEqualTo(paid));
    }

    private static Reply awaitRecorded(String orderId) {
        Reply[] last = new Reply[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = platform.get("clerk", "/api/settlements/orders/" + orderId);
            return last[0].status() == 200;
        });
        return last[0];
    }

    private static Reply placeOrder(String product, int quantity) {
        return platform.post("consumer", "/api/orders", Map.of(
                "lines", List.of(Map.of("productId", product, "quantity", quantity)),
                "channel", "LIVESTREAM",
                "buyer", Map.of("kind", "INDIVIDUAL"),
                "delivery", Map.of("name", "王芳", "mobile", "13800138000", "address", "黑龙江省哈尔滨市双城区")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static long processedOrderEvents() throws SQLException {
        return count("SELECT COUNT(*) FROM processed_event WHERE consumer = 'settlement.order-events'", null);
    }

    private static long settlementRows(String orderId) throws SQLException {
        return count("SELECT COUNT(*) FROM settlement_order WHERE order_id = ?", orderId);
    }

    /** The settlement database itself is the oracle for "exactly once". */
    private static long count(String sql, String parameter) throws SQLException {
        String url = System.getProperty("settlement.db.url", "jdbc:mysql://127.0.0.1:3306/settlement");
        try (Connection connection = DriverManager.getConnection(url, System.getProperty("db.user", "root"),
                System.getProperty("db.password", ""));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
