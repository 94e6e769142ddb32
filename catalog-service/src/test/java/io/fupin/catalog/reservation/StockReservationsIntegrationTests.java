package io.fupin.catalog.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.CatalogApi;
import io.fupin.catalog.CatalogApi.Reply;
import io.fupin.catalog.IntegrationTest;
import io.fupin.support.identity.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class StockReservationsIntegrationTests {

    static final Caller ORDER_SERVICE = Caller.of("service:order-service", null, "SERVICE");

    @Autowired
    CatalogApi api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExpiredHolds expiredHolds;

    @Test
    void twoHundredBuyersRacingForFiftyUnitsGetExactlyFifty() throws Exception {
        UUID product = listProduct(50, 2990, 300);
        List<Callable<Integer>> buyers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            buyers.add(() -> reserve(UUID.randomUUID(), product, 1).status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (Future<Integer> f : pool.invokeAll(buyers)) {
                statuses.add(f.get());
            }
        }

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(50);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(150);
        assertThat(stockOf(product)).isZero();
        assertThat(jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM reservation_line WHERE product_id = ?")
                .param(product.toString()).query(Long.class).single()).isEqualTo(50);
    }

    @Test
    void replayingAReservationChangesNothingAndAnswersTheSame() {
        UUID product = listProduct(10, 1000, 0);
        UUID order = UUID.randomUUID();

        Reply first = reserve(order, product, 3);
        Reply replay = reserve(order, product, 3);

        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(stockOf(product)).isEqualTo(7);
    }

    @Test
    void reservesEveryLineOrNone() {
        UUID plenty = listProduct(10, 1000, 0);
        UUID scarce = listProduct(1, 1000, 0);

        Reply reply = api.call(ORDER_SERVICE, HttpMethod.POST, "/internal/reservations", Map.of(
                "orderId", UUID.randomUUID(),
                "lines", List.of(Map.of("productId", plenty, "quantity", 4), Map.of("productId", scarce, "quantity", 2))));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body()).containsEntry("type", "https://fupin.market/problems/sold-out");
        assertThat(stockOf(plenty)).isEqualTo(10);
        assertThat(stockOf(scarce)).isEqualTo(1);
    }

    @Test
    void keepsThePriceCostAndCertificateTheOrderWasReservedAt() {
        UUID product = listProduct(5, 2990, 450);
        UUID first = UUID.randomUUID();

        Reply reply = reserve(first, product, 2);
        Map<String, Object> line = firstLine(reply);
        assertThat(line).containsEntry("unitPriceFen", 2990).containsEntry("unitCostFen", 450).containsEntry("quantity", 2)
                .containsEntry("priceVersion", 1).containsEntry("presaleDeliveryDate", null);
        assertThat(line.get("sellerId")).isNotNull();
        assertThat((String) line.get("certificateNumber")).startsWith("FP-2026-");

        assertThat(api.call(CatalogApi.ADMIN, HttpMethod.PUT, "/api/catalog/products/" + product + "/price",
                Map.of("priceFen", 3190, "costFen", 400, "costReason", "freight")).status()).isEqualTo(200);
        Map<String, Object> later = firstLine(reserve(UUID.randomUUID(), product, 1));
        assertThat(later).containsEntry("unitPriceFen", 3190).containsEntry("unitCostFen", 400).containsEntry("priceVersion", 2);
        assertThat(firstLine(reserve(first, product, 2))).as("the first order keeps its price")
                .containsEntry("unitPriceFen", 2990).containsEntry("priceVersion", 1);
    }

    @Test
    void answersThePresaleDeliveryDate() {
        String delivery = java.time.LocalDate.now().plusMonths(4).toString();
        UUID product = api.certified(api.registerSeller(), Map.of("name", "鹅蛋", "category", "EGGS",
                "presale", Map.of("deliveryDate", delivery, "capacity", 300)));
        assertThat(firstLine(reserve(UUID.randomUUID(), product, 3))).containsEntry("presaleDeliveryDate", delivery);
    }

    @Test
    void onlyCertifiedProductsOnSaleCanBeReserved() {
        UUID seller = api.registerSeller();
        UUID draft = api.draft(seller, Map.of("stock", 10));
        assertThat(reserve(UUID.randomUUID(), draft, 1).status()).isEqualTo(409);
        assertThat(api.requestCertification(CatalogApi.ADMIN, draft).status()).isEqualTo(200);
        assertThat(reserve(UUID.randomUUID(), draft, 1).status()).as("requested, not yet certified").isEqualTo(409);

        UUID suspended = api.certified(seller, Map.of("stock", 10));
        api.call(CatalogApi.OFFICIAL, HttpMethod.POST, "/api/catalog/products/" + suspended + "/suspend",
                Map.of("reason", "quality complaint under review"));
        assertThat(reserve(UUID.randomUUID(), suspended, 1).status()).isEqualTo(409);

        UUID expiredToday = api.certified(seller, Map.of("stock", 10));
        jdbc.sql("UPDATE product SET certificate_valid_until = ? WHERE id = ?")
                .params(java.time.LocalDate.now().minusDays(2), expiredToday.toString()).update();
        assertThat(reserve(UUID.randomUUID(), expiredToday, 1).status())
                .as("an expired certificate stops sales even before the expiry job runs").isEqualTo(409);
        assertThat(stockOf(draft) + stockOf(suspended) + stockOf(expiredToday)).isEqualTo(30);
    }

    @Test
    void aHoldNotConfirmedInTimeIsReleasedOnceAndCannotBeConfirmedAfterwards() {
        UUID product = listProduct(5, 1000, 0);
        UUID late = UUID.randomUUID();
        UUID confirmed = UUID.randomUUID();
        reserve(late, product, 2);
        reserve(confirmed, product, 1);
        api.call(ORDER_SERVICE, HttpMethod.POST, "/internal/reservations/" + confirmed + "/confirm", null);
        jdbc.sql("UPDATE reservation SET expires_at = ? WHERE order_id IN (?, ?)")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), late.toString(),
                        confirmed.toString()).update();

        expiredHolds.release();
        expiredHolds.release();

        assertThat(stockOf(product)).isEqualTo(4);
        assertThat(statusOf(late)).isEqualTo("RELEASED");
        assertThat(statusOf(confirmed)).isEqualTo("CONFIRMED");
        assertThat(api.call(ORDER_SERVICE, HttpMethod.POST, "/internal/reservations/" + late + "/confirm", null).status())
                .isEqualTo(409);
    }

    @Test
    void releasingReturnsTheStockOnceAndAReleasedReservationCannotBeConfirmed() {
        UUID product = listProduct(5, 1000, 0);
        UUID order = UUID.randomUUID();
        reserve(order, product, 2);

        assertThat(api.call(ORDER_SERVICE, HttpMethod.POST, "/internal/reservations/" + order + "/release", null).status()).isEqualTo(200);
        assertThat(api.call(ORDER_SERVICE, HttpMethod.POST, "/internal/reservations/" + order + "/release", null).status()).isEqualTo(200);
        assertThat(stockOf(product)).isEqualTo(5);

        Reply confirm = api.call(ORDER_SERVICE, HttpMethod.POST, "/internal/reservations/" + order + "/confirm", null);
        assertThat(confirm.status()).isEqualTo(409);
    }

    @Test
    void aReservationArrivingAfterTheReleaseOfItsOrderHoldsNothing() {
        UUID product = listProduct(5, 1000, 0);
        UUID order = UUID.randomUUID();

        Reply released = api.call(ORDER_SERVICE, HttpMethod.POST, "/internal/reservations/" + order + "/release", null);
        Reply late = reserve(order, product, 2);

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body()).containsEntry("status", "RELEASED");
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.body()).containsEntry("status", "RELEASED").containsEntry("lines", List.of());
        assertThat(stockOf(product)).isEqualTo(5);
        assertThat(api.call(ORDER_SERVICE, HttpMethod.POST, "/internal/reservations/" + order + "/confirm", null).status())
                .isEqualTo(409);
    }

    @Test
    void refusesToReserveAProductThatDoesNotExist() {
        Reply reply = reserve(UUID.randomUUID(), UUID.randomUUID(), 1);
        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void onlyServicesMayReserve() {
        UUID product = listProduct(5, 1000, 0);
        Reply reply = api.call(Caller.of("consumer", null, "CONSUMER"), HttpMethod.POST, "/internal/reservations",
                Map.of("orderId", UUID.randomUUID(), "lines", List.of(Map.of("productId", product, "quantity", 1))));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(stockOf(product)).isEqualTo(5);
    }

    @Test
    void refusesMalformedReservations() {
        Reply reply = api.call(ORDER_SERVICE, HttpMethod.POST, "/internal/reservations",
                Map.of("orderId", UUID.randomUUID(), "lines", List.of(Map.of("productId", UUID.randomUUID(), "quantity", 0))));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("errors").toString()).contains("lines[0].quantity");
    }

    private Reply reserve(UUID order, UUID product, int quantity) {
        return api.call(ORDER_SERVICE, HttpMethod.POST, "/internal/reservations",
                Map.of("orderId", order, "lines", List.of(Map.of("productId", product, "quantity", quantity))));
    }

    private UUID listProduct(int stock, long priceFen, long costFen) {
        return api.certified(stock, priceFen, costFen);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstLine(Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return ((List<Map<String, Object>>) reply.body().get("lines")).getFirst();
    }

    private String statusOf(UUID order) {
        return jdbc.sql("SELECT status FROM reservation WHERE order_id = ?").param(order.toString()).query(String.class).single();
    }

    private int stockOf(UUID product) {
        return jdbc.sql("SELECT stock FROM product WHERE id = ?").param(product.toString()).query(Integer.class).single();
    }
}
