package io.fupin.catalog.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.BenchReport;
import io.fupin.catalog.CatalogApi;
import io.fupin.catalog.IntegrationTest;
import io.fupin.catalog.product.ProductId;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.CallerAuthentication;
import io.fupin.support.testing.SignedIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reservations per second on one hot product at 1, 16 and 64 concurrent clients through catalog-service's
 * HTTP API, beside a raw conditional UPDATE loop on the same row of the same MariaDB in the same run.
 * Run with {@code ./mvnw -pl catalog-service -Pbench verify}; not part of the normal suite.
 */
@IntegrationTest
class HotProductBenchmark {

    static final Caller ORDER_SERVICE = Caller.of("service:order-service", null, "SERVICE");

    @Autowired
    CatalogApi api;
    @Autowired
    SignedIdentity identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StockReservations reservations;
    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password:}")
    String password;

    /** Units the raw loop took from the product's stock, for the closing count. */
    private final LongAdder rawDecrements = new LongAdder();

    @Test
    void reservationsPerSecondOnOneHotProduct() throws Exception {
        int seconds = BenchReport.intProperty("bench.seconds", 10);
        int initialStock = 10_000_000;
        UUID product = api.certified(initialStock, 2990, 300);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        BenchReport.line("");
        BenchReport.line("### Hot product: reservations/s (" + seconds + " s per run, cores: "
                + Runtime.getRuntime().availableProcessors() + ")");
        BenchReport.line("| clients | via catalog-service HTTP (reserve, 1 unit) | same use case in-process (no HTTP) "
                + "| raw conditional UPDATE (autocommit, ≤ " + BenchReport.intProperty("bench.raw-connections", 32)
                + " connections) | HTTP / raw | in-process / raw |");
        BenchReport.line("|---|---|---|---|---|---|");
        List<StockReservations.RequestedLine> one = List.of(new StockReservations.RequestedLine(new ProductId(product), 1));
        for (int clients : new int[] {1, 16, 64}) {
            run(clients, 2, () -> reserve(http, product));
            double service = run(clients, seconds, () -> reserve(http, product));
            double inProcess = run(clients, seconds, () -> asOrderService(() -> reservations.reserve(UUID.randomUUID(), one) != null));
            double raw = rawUpdates(clients, seconds, product);
            BenchReport.line("| %d | %.0f | %.0f | %.0f | %.2f | %.2f |".formatted(clients, service, inProcess, raw,
                    service / raw, inProcess / raw));
        }
        double liveness = run(1, seconds, () -> http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        BenchReport.line("HTTP round trips/s to /actuator/health/liveness (no database), 1 client: %.0f".formatted(liveness));
        int stock = jdbc.sql("SELECT stock FROM product WHERE id = ?").param(product.toString()).query(Integer.class).single();
        long reserved = jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM reservation_line WHERE product_id = ?")
                .param(product.toString()).query(Long.class).single();
        BenchReport.line("stock left " + stock + ", reserved " + reserved + ", raw decrements " + rawDecrements.sum());
        assertThat(stock).as("stock left").isNotNegative();
        assertThat(stock + reserved + rawDecrements.sum()).as("stock left + reserved + raw decrements").isEqualTo(initialStock);
    }

    private boolean reserve(HttpClient http, UUID product) throws Exception {
        String body = "{\"orderId\":\"" + UUID.randomUUID() + "\",\"lines\":[{\"productId\":\"" + product
                + "\",\"quantity\":1}]}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/internal/reservations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        identity.headersFor(ORDER_SERVICE).forEach((name, values) -> values.forEach(v -> request.header(name, v)));
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /**
     * The same conditional decrement in autocommit, from {@code clients} threads sharing at most
     * {@code bench.raw-connections} connections (MariaDB's connection limit is shared with everything else).
     */
    private double rawUpdates(int clients, int seconds, UUID product) throws Exception {
        int size = Math.min(clients, BenchReport.intProperty("bench.raw-connections", 32));
        java.util.concurrent.BlockingQueue<PreparedStatement> pool = new java.util.concurrent.ArrayBlockingQueue<>(size);
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                Connection connection = DriverManager.getConnection(url, user, password);
                connections.add(connection);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE product SET stock = stock - 1 WHERE id = ? AND stock >= 1");
                update.setString(1, product.toString());
                pool.add(update);
            }
            return run(clients, seconds, () -> {
                PreparedStatement update = pool.take();
                try {
                    boolean decremented = update.executeUpdate() == 1;
                    if (decremented) {
                        rawDecrements.increment();
                    }
                    return decremented;
                } finally {
                    pool.add(update);
                }
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** Runs {@code clients} threads calling {@code call} for {@code seconds}; successful calls per second. */
    private static double run(int clients, int seconds, Call call) throws Exception {
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        if (call.once()) {
                            done.increment();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    @FunctionalInterface
    interface Call {
        boolean once() throws Exception;
    }

    /** The use case checks its caller: in-process calls carry order-service's identity as HTTP calls do. */
    private static boolean asOrderService(BooleanSupplier call) {
        SecurityContextHolder.getContext().setAuthentication(CallerAuthentication.of(ORDER_SERVICE));
        try {
            return call.getAsBoolean();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
