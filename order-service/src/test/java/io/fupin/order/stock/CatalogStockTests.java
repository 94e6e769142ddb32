package io.fupin.order.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.fupin.order.stock.CatalogStock.Line;
import io.fupin.order.stock.CatalogStock.Reservation;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * OWASP API10, unsafe consumption: catalog-service's answer to a reservation is input too. Whatever it answers
 * (not JSON, the wrong shape, another order, other products or quantities, a negative price, no seller, a huge
 * answer, nothing in time), order-service takes no order from it: the call ends as {@link CatalogUnavailable}
 * (503 to the buyer, nothing stored), as the circuit breaker's fallback turns it, never as a half-read reservation.
 */
class CatalogStockTests {

    private final UUID orderId = UUID.randomUUID();
    private final UUID product = UUID.randomUUID();
    private final List<Line> lines = List.of(new Line(new ProductId(product), 2));
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer catalog;

    @AfterEach
    void stop() {
        released.countDown();
        if (catalog != null) {
            catalog.stop(0);
        }
    }

    @Test
    void aWellFormedReservationOfThisOrderIsTaken() {
        Reservation reservation = stockAnswering(200, reservation(orderId, "HELD", line(product, 2, 990, 500))).reserve(orderId, lines, true);

        assertThat(reservation.lines()).hasSize(1);
        assertThat(reservation.lines().getFirst().unitPriceFen()).isEqualTo(990);
    }

    @Test
    void anAnswerThatIsNotAReservationOfThisOrderIsRefusedAsUnavailable() {
        List<String> answers = List.of(
                "<html>502 Bad Gateway</html>",
                "{\"orderId\":",
                "[]",
                "null",
                "{}",
                "{\"orderId\":\"" + orderId + "\",\"status\":\"HELD\",\"lines\":\"many\"}",
                "{\"orderId\":\"" + orderId + "\",\"status\":\"HELD\",\"lines\":[{\"productId\":{\"$ne\":1}}]}",
                reservation(orderId, "HELD"),
                reservation(UUID.randomUUID(), "HELD", line(product, 2, 990, 500)),
                reservation(orderId, "' OR 1=1 --", line(product, 2, 990, 500)),
                reservation(orderId, "HELD", line(UUID.randomUUID(), 2, 990, 500)),
                reservation(orderId, "HELD", line(product, 1, 990, 500)),
                reservation(orderId, "HELD", line(product, 2, 990, 500), line(UUID.randomUUID(), 1, 100, 0)),
                reservation(orderId, "HELD", line(product, 2, -990, 500)),
                reservation(orderId, "HELD", line(product, 2, 990, -1)),
                reservation(orderId, "HELD", line(product, 2, 9_223_372_036_854_775_807L, 0)),
                reservation(orderId, "HELD", line(product, 2, 990, 500).replace("\"sellerId\":\"", "\"formerSellerId\":\"")),
                reservation(orderId, "HELD", line(product, 2, 990, 500).replace("990", "99999999999999999999")),
                reservation(orderId, "HELD", String.join(",", java.util.Collections.nCopies(20_000,
                        line(product, 2, 990, 500)))));
        for (String answer : answers) {
            Throwable thrown = viaFallback(stockAnswering(200, answer));
            assertThat(thrown).as(abbreviated(answer)).isInstanceOf(CatalogUnavailable.class);
        }
    }

    @Test
    void aCatalogThatDoesNotAnswerInTimeIsUnavailable() throws Exception {
        catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        catalog.createContext("/", exchange -> {
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        catalog.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        catalog.start();

        Throwable thrown = viaFallback(stock(Duration.ofMillis(300)));

        assertThat(thrown).isInstanceOf(CatalogUnavailable.class);
    }

    /** As the circuit breaker's fallback does with whatever the call threw. */
    private Throwable viaFallback(CatalogStock stock) {
        Throwable thrown = catchThrowable(() -> stock.reserve(orderId, lines, true));
        if (thrown == null) {
            return null;
        }
        return catchThrowable(() -> stock.unavailable(orderId, lines, true, thrown));
    }

    private CatalogStock stockAnswering(int status, String body) {
        if (catalog != null) {
            catalog.stop(0);
        }
        try {
            catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catalog.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        catalog.start();
        return stock(Duration.ofSeconds(5));
    }

    private CatalogStock stock(Duration readTimeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(1));
        requests.setReadTimeout(readTimeout);
        return new CatalogStock(RestClient.builder().baseUrl("http://127.0.0.1:" + catalog.getAddress().getPort())
                .requestFactory(requests).build(), new SoldOutMarks(Duration.ZERO), BulkheadRegistry.ofDefaults());
    }

    private static String reservation(UUID order, String status, String... lines) {
        return "{\"orderId\":\"" + order + "\",\"status\":\"" + status + "\",\"expiresAt\":\"2030-01-01T00:00:00Z\","
                + "\"lines\":[" + String.join(",", lines) + "]}";
    }

    private static String line(UUID product, int quantity, long priceFen, long costFen) {
        return "{\"productId\":\"" + product + "\",\"sellerId\":\"" + UUID.randomUUID() + "\",\"quantity\":" + quantity
                + ",\"unitPriceFen\":" + priceFen + ",\"unitCostFen\":" + costFen + "}";
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
