package io.fupin.order.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.fupin.order.stock.CatalogStock.Line;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The calls to catalog as the application makes them: with the Resilience4j aspects and the settings of
 * application.yml (the bulkhead narrowed for the test). A reservation that failed on its way is retried (catalog
 * replays it by order id, so a retry never holds twice); a call that cannot get its turn is {@link CatalogBusy}
 * and leaves the circuit closed, since a full queue here says nothing about catalog's health.
 */
@SpringBootTest(classes = CatalogCallsTests.Calls.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "MYSQL_PASSWORD=", "FUPIN_IDENTITY_SECRET=unused",
        "resilience4j.bulkhead.instances.catalog.max-concurrent-calls=1",
        "resilience4j.bulkhead.instances.catalog.max-wait-duration=0s"})
class CatalogCallsTests {

    private static final ProductId PRODUCT = new ProductId(UUID.randomUUID());
    private static final AtomicInteger failFirst = new AtomicInteger();
    private static final AtomicInteger calls = new AtomicInteger();
    private static volatile CountDownLatch arrived = new CountDownLatch(0);
    private static volatile CountDownLatch held = new CountDownLatch(0);
    private static final HttpServer catalog = startCatalog();

    @Autowired
    CatalogStock stock;
    @Autowired
    CircuitBreakerRegistry breakers;

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({AopAutoConfiguration.class, CircuitBreakerAutoConfiguration.class,
            RetryAutoConfiguration.class, BulkheadAutoConfiguration.class})
    @Import(CatalogStock.class)
    static class Calls {

        @Bean
        RestClient catalogRestClient() {
            SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
            requests.setConnectTimeout(Duration.ofSeconds(5));
            requests.setReadTimeout(Duration.ofSeconds(30));
            return RestClient.builder().baseUrl("http://127.0.0.1:" + catalog.getAddress().getPort())
                    .requestFactory(requests).build();
        }

        @Bean
        SoldOutMarks soldOutMarks() {
            return new SoldOutMarks(Duration.ZERO);
        }
    }

    @BeforeEach
    void reset() {
        failFirst.set(0);
        calls.set(0);
        arrived = new CountDownLatch(0);
        held = new CountDownLatch(0);
        breakers.circuitBreaker(CatalogStock.CATALOG).reset();
    }

    @AfterAll
    static void stop() {
        catalog.stop(0);
    }

    @Test
    void aReservationCatalogFailedOnceIsRetriedUnderTheSameOrderId() {
        failFirst.set(1);
        UUID orderId = UUID.randomUUID();

        CatalogStock.Reservation reservation = stock.reserve(orderId, List.of(new Line(PRODUCT, 1)), true);

        assertThat(reservation.orderId()).isEqualTo(orderId);
        assertThat(calls).hasValue(2);
    }

    @Test
    void aCallWithoutATurnIsBusyAndLeavesTheCircuitClosed() throws Exception {
        arrived = new CountDownLatch(1);
        held = new CountDownLatch(1);
        try (ExecutorService buyers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<CatalogStock.Reservation> first = buyers.submit(() -> stock.reserve(UUID.randomUUID(), List.of(new Line(PRODUCT, 1)), true));
            assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();

            List<Throwable> refused = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                refused.add(catchThrowable(() -> stock.reserve(UUID.randomUUID(), List.of(new Line(PRODUCT, 1)), true)));
            }
            held.countDown();

            assertThat(refused).allSatisfy(e -> assertThat(e).isInstanceOf(CatalogBusy.class));
            assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo("HELD");
        }
        assertThat(breakers.circuitBreaker(CatalogStock.CATALOG).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calls).hasValue(1);
    }

    private static HttpServer startCatalog() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.createContext("/", exchange -> {
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int call = calls.incrementAndGet();
                arrived.countDown();
                try {
                    held.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                boolean fail = call <= failFirst.get();
                String orderId = request.replaceAll("(?s).*\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
                String body = fail ? "{\"title\":\"busy\"}" : "{\"orderId\":\"" + orderId + "\",\"status\":\"HELD\","
                        + "\"expiresAt\":\"2030-01-01T00:00:00Z\",\"lines\":[{\"productId\":\"" + PRODUCT.value()
                        + "\",\"sellerId\":\"" + UUID.randomUUID() + "\",\"quantity\":1,\"unitPriceFen\":990,\"unitCostFen\":500}]}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(fail ? 503 : 200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
