package io.fupin.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.order.IntegrationTest;
import io.fupin.order.Shop;
import io.fupin.order.Shop.Reply;
import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class LivestreamIntegrationTests {

    @Autowired
    SignedIdentity identity;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrderSweeps sweeps;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;
    @Autowired
    Shop shop;

    @Test
    void aBuyerCannotTakeMoreThanTheLimitOfALivestreamProduct() {
        UUID product = shop.listProduct(100, 990, 0);
        assertThat(shop.put(Caller.of("seller", UUID.randomUUID(), "SELLER"), "/api/orders/livestream-limits/" + product,
                Map.of("maxUnitsPerBuyer", 3)).status()).isEqualTo(403);
        assertThat(shop.put(Shop.ADMIN, "/api/orders/livestream-limits/" + product, Map.of("maxUnitsPerBuyer", 3)).status()).isEqualTo(200);
        Caller bot = Caller.of("bot-" + UUID.randomUUID(), null, "CONSUMER");

        Reply two = shop.place(bot, Shop.order("LIVESTREAM", Map.of(product, 2)));
        Reply twoMore = shop.place(bot, Shop.order("LIVESTREAM", Map.of(product, 2)));
        Reply viaAnotherChannel = shop.place(bot, Shop.order("ONLINE", Map.of(product, 2)));
        Reply one = shop.place(bot, Shop.order("LIVESTREAM", Map.of(product, 1)));

        assertThat(two.status()).isEqualTo(201);
        assertThat(twoMore.status()).isEqualTo(409);
        assertThat(twoMore.text("type")).endsWith("/livestream-limit");
        assertThat(viaAnotherChannel.status()).isEqualTo(409);
        assertThat(one.status()).isEqualTo(201);
        assertThat(shop.stockOf(product)).isEqualTo(97);

        shop.post(bot, "/api/orders/" + two.text("id") + "/cancellation", null);
        assertThat(shop.place(bot, Shop.order("LIVESTREAM", Map.of(product, 2))).status())
                .as("a cancelled order gives its units back to the buyer's allowance").isEqualTo(201);
        assertThat(shop.place(Caller.of("fan-" + UUID.randomUUID(), null, "CONSUMER"),
                Shop.order("LIVESTREAM", Map.of(product, 3))).status()).isEqualTo(201);
    }

    @Test
    void ordersOfOneBuyerAtOnceNeverTakeMoreThanTheLimitAndTheRefusedHoldNoStock() throws Exception {
        UUID product = shop.listProduct(100, 990, 0);
        assertThat(shop.put(Shop.ADMIN, "/api/orders/livestream-limits/" + product, Map.of("maxUnitsPerBuyer", 3)).status()).isEqualTo(200);
        Caller bot = Caller.of("bot-" + UUID.randomUUID(), null, "CONSUMER");

        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService orders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                replies.add(orders.submit(() -> shop.place(bot, Shop.order("LIVESTREAM", Map.of(product, 1)))));
            }
        }
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        for (Future<Reply> reply : replies) {
            byStatus.merge(reply.get().status(), 1, Integer::sum);
        }

        assertThat(byStatus).isEqualTo(Map.of(201, 3, 409, 9));
        assertThat(shop.stockOf(product)).as("an order refused after its reservation releases it").isEqualTo(97);
        assertThat(jdbc.sql("SELECT units FROM livestream_purchase WHERE product_id = ? AND buyer_id = ?")
                .params(product.toString(), bot.userId()).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aShowLimitsItsProductsWhateverChannelTheOrderNames() {
        UUID product = shop.listProduct(100, 990, 0);
        Map<String, Object> show = Map.of("title", "县长直播带货", "productIds", List.of(product),
                "startsAt", clock.instant().minus(Duration.ofMinutes(1)).toString(),
                "endsAt", clock.instant().plus(Duration.ofHours(2)).toString(), "maxUnitsPerBuyer", 3);
        assertThat(shop.post(Caller.of("seller", UUID.randomUUID(), "SELLER"), "/api/orders/livestream-shows", show).status())
                .isEqualTo(403);
        assertThat(shop.post(Shop.ADMIN, "/api/orders/livestream-shows", show).status()).isEqualTo(201);
        Caller bot = Caller.of("bot-" + UUID.randomUUID(), null, "CONSUMER");

        Reply two = shop.place(bot, Shop.order("LIVESTREAM", Map.of(product, 2)));
        Reply twoOnline = shop.place(bot, Shop.order("ONLINE", Map.of(product, 2)));
        Reply twoInTheSupermarket = shop.place(bot, Shop.order("SUPERMARKET", Map.of(product, 2)));
        Reply oneOnline = shop.place(bot, Shop.order("ONLINE", Map.of(product, 1)));
        Reply oneMore = shop.place(bot, Shop.order("ONLINE", Map.of(product, 1)));

        assertThat(two.status()).isEqualTo(201);
        assertThat(twoOnline.status()).isEqualTo(409);
        assertThat(twoOnline.text("type")).endsWith("/livestream-limit");
        assertThat(twoInTheSupermarket.status()).isEqualTo(409);
        assertThat(oneOnline.status()).isEqualTo(201);
        assertThat(oneMore.status()).isEqualTo(409);
        assertThat(shop.stockOf(product)).isEqualTo(97);
    }

    @Test
    void fiveThousandBuyAttemptsForTwoThousandUnitsSellExactlyTwoThousand() throws Exception {
        UUID product = shop.listProduct(2000, 1990, 200);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        Semaphore buyersAtOnce = new Semaphore(32);
        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        List<String> placed = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Caller> buyerOf = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        try (ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                Caller buyer = Caller.of("viewer-" + i + "-" + UUID.randomUUID(), null, "CONSUMER");
                all.add(attempts.submit(() -> {
                    buyersAtOnce.acquire();
                    try {
                        String key = UUID.randomUUID().toString();
                        HttpResponse<String> response;
                        int tries = 0;
                        do {
                            // As a real client does: a 503, or a 429 (no turn at catalog in time), is retried with the
                            // same key, which resumes the same order.
                            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                                    .header("Content-Type", "application/json")
                                    .header("Idempotency-Key", key)
                                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                                            Shop.order("LIVESTREAM", Map.of(product, 1)))));
                            identity.headersFor(buyer).forEach((name, values) -> values.forEach(v -> request.header(name, v)));
                            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        } while ((response.statusCode() == 503 || response.statusCode() == 429) && ++tries < 5);
                        answers.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 201) {
                            String id = json.readTree(response.body()).get("id").asString();
                            placed.add(id);
                            buyerOf.put(id, buyer);
                        }
                    } finally {
                        buyersAtOnce.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answers.keySet()).containsOnly(201, 409);
        assertThat(answers.get(201).get()).isEqualTo(2000);
        assertThat(answers.get(409).get()).isEqualTo(3000);
        assertThat(shop.stockOf(product)).isZero();
        assertThat(jdbc.sql("SELECT COALESCE(SUM(l.quantity), 0) FROM order_line l WHERE l.product_id = ?")
                .param(product.toString()).query(Long.class).single()).isEqualTo(2000L);

        // A few buyers pay; the rest never do, and their units must go back to sale.
        List<String> payers = placed.subList(0, 20);
        for (String id : payers) {
            shop.payInSandbox(buyerOf.get(id), UUID.fromString(id));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM orders o JOIN order_line l ON l.order_id = o.id WHERE l.product_id = ? AND o.status = 'PAID'")
                .param(product.toString()).query(Long.class).single() == 20L);
        sweeps.sweepAsOf(clock.instant().plus(Duration.ofMinutes(16)));

        assertThat(shop.stockOf(product)).isEqualTo(2000 - 20);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM orders o JOIN order_line l ON l.order_id = o.id WHERE l.product_id = ? AND o.status = 'PENDING_PAYMENT'")
                .param(product.toString()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM livestream_allowance WHERE product_id = ?")
                .param(product.toString()).query(Long.class).single()).isEqualTo(20L);
        // Every event of the sale (2,000 placed, 1,980 cancelled, 20 paid) leaves the outbox for Kafka.
        await().atMost(Duration.ofMinutes(4)).until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL")
                .query(Long.class).single() == 0L);
        System.out.printf("Livestream flash sale: 5000 attempts in %d ms%n", took.toMillis());
    }
}
