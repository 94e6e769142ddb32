package io.fupin.catalog.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.CatalogApi;
import io.fupin.catalog.CatalogApi.Reply;
import io.fupin.catalog.IntegrationTest;
import io.fupin.catalog.TestSupport.SignedIdentity;
import io.fupin.support.identity.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class StockReservationsIntegrationTests {

    static final Caller ORDER_SERVICE = Caller.of("service:order-service", null, "SERVICE");
    static final Caller ADMIN = Caller.of("admin", null, "ADMIN");

    @Autowired
    SignedIdentity identity;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    CatalogApi api;

    @BeforeEach
    void setUp() {
        api = new CatalogApi(port, identity);
    }

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
    void keepsThePriceAndCostTheOrderWasReservedAt() {
        UUID product = listProduct(5, 2990, 450);

        Reply reply = reserve(UUID.randomUUID(), product, 2);

        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) reply.body().get("lines")).getFirst();
        assertThat(line).containsEntry("unitPriceFen", 2990).containsEntry("unitCostFen", 450).containsEntry("quantity", 2);
        assertThat(line.get("sellerId")).isNotNull();
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
        Reply reply = api.call(ADMIN, HttpMethod.POST, "/api/catalog/products", Map.of(
                "sellerId", UUID.randomUUID(), "name", "翠小妹花生", "category", "PEANUTS", "unit", "500 g bag",
                "priceFen", priceFen, "costFen", costFen, "stock", stock));
        assertThat(reply.status()).isEqualTo(201);
        return UUID.fromString((String) reply.body().get("id"));
    }

    private int stockOf(UUID product) {
        return jdbc.sql("SELECT stock FROM product WHERE id = ?").param(product.toString()).query(Integer.class).single();
    }
}
