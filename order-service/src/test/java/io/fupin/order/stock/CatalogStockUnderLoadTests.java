package io.fupin.order.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fupin.order.stock.CatalogStock.Line;
import io.fupin.order.stock.CatalogStock.Reservation;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The livestream rush sends many more buyers at once than catalog-service can serve. order-service queues them
 * itself (the {@code catalog} bulkhead): catalog never has more reservation calls than the bulkhead's at once, so a
 * call sent is a call answered, instead of waiting behind the others past its read timeout (a 503 to the buyer and
 * stock held for nobody until the hold lapsed). A call that cannot get its turn in time is refused cheaply as
 * {@link CatalogBusy} (429), never as {@link CatalogUnavailable}.
 */
class CatalogStockUnderLoadTests {

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final ProductId product = new ProductId(UUID.randomUUID());
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch overloaded = new CountDownLatch(1);
    private HttpServer catalog;

    @AfterEach
    void stop() {
        held.countDown();
        if (catalog != null) {
            catalog.stop(0);
        }
    }

    @Test
    void catalogNeverSeesMoreReservationsAtOnceThanTheBulkheadLetsThrough() throws Exception {
        startCatalog(false);
        CatalogStock stock = stock(4, Duration.ofSeconds(60));

        List<Future<Reservation>> placed = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService buyers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 32; i++) {
                UUID orderId = UUID.randomUUID();
                placed.add(buyers.submit(() -> {
                    start.await();
                    return stock.reserve(orderId, List.of(new Line(product, 1)), true);
                }));
            }
            start.countDown();
            for (Future<Reservation> reservation : placed) {
                assertThat(reservation.get(60, TimeUnit.SECONDS).status()).isEqualTo("HELD");
            }
        }

        assertThat(calls).hasValue(32);
        assertThat(mostAtOnce.get()).as("reservation calls in catalog at once").isBetween(1, 4);
    }

    @Test
    void aCallThatCannotGetItsTurnInTimeIsRefusedAsBusyNotUnavailable() throws Exception {
        startCatalog(true);
        CatalogStock stock = stock(1, Duration.ZERO);
        try (ExecutorService buyers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Reservation> first = buyers.submit(() -> stock.reserve(UUID.randomUUID(), List.of(new Line(product, 1)), true));
            assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();

            UUID second = UUID.randomUUID();
            List<Line> lines = List.of(new Line(product, 1));
            Throwable thrown = catchThrowable(() -> stock.reserve(second, lines, true));
            Throwable answered = catchThrowable(() -> stock.unavailable(second, lines, true, thrown));

            assertThat(answered).isInstanceOf(CatalogBusy.class);
            assertThat(((CatalogBusy) answered).retryAfter()).isPresent();
            held.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo("HELD");
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void aNewOrderWaitingForItsTurnIsRefusedWithoutACallOnceCatalogRefusedTheProduct() throws Exception {
        startCatalog(true);
        SoldOutMarks marks = new SoldOutMarks(Duration.ofMinutes(10));
        CatalogStock stock = stock(1, Duration.ofSeconds(60), marks);
        try (ExecutorService buyers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Reservation> first = buyers.submit(() -> stock.reserve(UUID.randomUUID(), List.of(new Line(product, 1)), true));
            assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Reservation> waiting = buyers.submit(() -> stock.reserve(UUID.randomUUID(), List.of(new Line(product, 1)), true));
            Future<Reservation> resumed = buyers.submit(() -> stock.reserve(UUID.randomUUID(), List.of(new Line(product, 1)), false));

            // Another buyer's call was refused meanwhile: the product is marked sold out.
            marks.refused(product, 1);
            held.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo("HELD");
            Throwable refused = catchThrowable(() -> waiting.get(30, TimeUnit.SECONDS));
            assertThat(refused).hasCauseInstanceOf(CatalogStock.SoldOut.class);
            // A resumed order may hold its reservation already: it still asks catalog.
            assertThat(resumed.get(30, TimeUnit.SECONDS).status()).isEqualTo("HELD");
        }
        assertThat(calls).hasValue(2);
    }

    /**
     * A catalog that answers each reservation with a hold of its lines. With {@code holdFirst} it keeps the first
     * call until {@link #held} opens; otherwise each call takes half a second of catalog's time, cut short once
     * more than four calls are inside at once (the overload this test is about).
     */
    private void startCatalog(boolean holdFirst) throws IOException {
        catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        catalog.createContext("/", exchange -> {
            int now = inside.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            if (now > 4) {
                overloaded.countDown();
            }
            try {
                if (!holdFirst) {
                    calls.incrementAndGet();
                    overloaded.await(500, TimeUnit.MILLISECONDS);
                } else if (calls.incrementAndGet() == 1) {
                    arrived.countDown();
                    held.await(30, TimeUnit.SECONDS);
                }
                answer(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
        });
        catalog.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        catalog.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher orderId = ORDER_ID.matcher(request);
        String body = "{\"orderId\":\"" + (orderId.find() ? orderId.group(1) : "?") + "\",\"status\":\"HELD\","
                + "\"expiresAt\":\"2030-01-01T00:00:00Z\",\"lines\":[{\"productId\":\"" + product.value() + "\",\"sellerId\":\""
                + UUID.randomUUID() + "\",\"quantity\":1,\"unitPriceFen\":990,\"unitCostFen\":500}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private CatalogStock stock(int atOnce, Duration maxWait) {
        return stock(atOnce, maxWait, new SoldOutMarks(Duration.ZERO));
    }

    private CatalogStock stock(int atOnce, Duration maxWait, SoldOutMarks marks) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(60));
        BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(atOnce).maxWaitDuration(maxWait).build());
        return new CatalogStock(RestClient.builder().baseUrl("http://127.0.0.1:" + catalog.getAddress().getPort())
                .requestFactory(requests).build(), marks, bulkheads);
    }
}
