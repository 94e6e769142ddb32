import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The load suite's fixtures and its database baselines, run by deploy/bench/run with the JDK's source launcher
 * (the MySQL driver from the local Maven repository on the class path). Subcommands, each printing one line:
 * <ul>
 *   <li>{@code product <stock>}: lists a certified product of the demo seller with that stock, straight to
 *       catalog-service as an administrator (identity headers signed as the gateway signs them); prints its id;</li>
 *   <li>{@code tokens <count> <file>}: signs in buyer-1 ... buyer-count through the gateway, one token a line;</li>
 *   <li>{@code hotrow <connections> <attempts> <stock>}: the raw conditional hot-row {@code UPDATE} loop on the
 *       same MariaDB; prints {@code attempts/s p50-ms p99-ms taken};</li>
 *   <li>{@code check <product> <stock> <created>}: the product's orders and stock in both databases; prints
 *       {@code sold stock-left orders sell-out-seconds oversold lost unmatched} (oversold and lost must be 0;
 *       unmatched counts units taken from stock with no order for them).</li>
 * </ul>
 * Environment: BENCH_SECRET (the identity secret), BENCH_CATALOG, BENCH_GATEWAY, BENCH_JDBC (a server URL
 * without a database), BENCH_DB_PREFIX.
 */
public final class Bench {

    private static final String CATALOG = env("BENCH_CATALOG", "http://127.0.0.1:8081");
    private static final String GATEWAY = env("BENCH_GATEWAY", "http://127.0.0.1:8080");
    private static final String JDBC = env("BENCH_JDBC", "jdbc:mysql://127.0.0.1:3306");
    private static final String DB_PREFIX = env("BENCH_DB_PREFIX", "");
    // 岗子峪米业有限公司, the demo seller (its id derives from its credit code, docs/events.md).
    private static final String SELLER = env("BENCH_SELLER_ID", "3575660d-1d17-3598-9bf4-67791a419ae3");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "product" -> System.out.println(product(Integer.parseInt(args[1])));
            case "tokens" -> tokens(Integer.parseInt(args[1]), Path.of(args[2]));
            case "hotrow" -> hotRow(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "check" -> check(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("unknown subcommand " + args[0]);
        }
    }

    private static String product(int stock) throws Exception {
        String created = post(CATALOG + "/api/catalog/products", """
                {"sellerId":"%s","name":"压测花生 %d","category":"PEANUTS","unit":"500 g bag","priceFen":1990,"costFen":0,"stock":%d}"""
                .formatted(SELLER, System.currentTimeMillis() % 100000, stock), 201);
        String id = created.replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        if (created.contains("\"DRAFT\"")) {
            post(CATALOG + "/api/catalog/products/" + id + "/certification-request", """
                    {"certificateNumber":"BENCH-%s","issuingBody":"双城区农业农村局","validFrom":"%s","validUntil":"%s"}"""
                    .formatted(id.substring(0, 8), LocalDate.now().minusDays(1), LocalDate.now().plusYears(1)), -1);
            post(CATALOG + "/api/catalog/products/" + id + "/certification/approve", "{}", -1);
        }
        return id;
    }

    private static String post(String url, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        signedAdmin(request);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (expected > 0 && response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** service-support's IdentitySignature, for an administrator: HMAC-SHA256 over the canonical fields. */
    private static void signedAdmin(HttpRequest.Builder request) throws Exception {
        String secret = System.getenv("BENCH_SECRET");
        String timestamp = Long.toString(System.currentTimeMillis());
        String canonical = String.join("\n", "fupin-identity-v1", "bench-admin", "ADMIN", "", timestamp);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        request.header("X-Fupin-User-Id", "bench-admin").header("X-Fupin-Roles", "ADMIN")
                .header("X-Fupin-Identity-Timestamp", timestamp)
                .header("X-Fupin-Identity-Signature", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8))));
    }

    private static void tokens(int count, Path file) throws Exception {
        String[] tokens = new String[count];
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                all.add(pool.submit(() -> {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/auth/token"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"buyer-" + (n + 1)
                                    + "\",\"password\":\"" + env("BENCH_PASSWORD", "fupin-demo") + "\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("no token for buyer-" + (n + 1) + ": " + response.body());
                    }
                    tokens[n] = response.body().replaceAll("(?s).*\"accessToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        Files.write(file, Arrays.asList(tokens));
    }

    private static void hotRow(int connections, int attempts, int stock) throws Exception {
        String url = JDBC + "/bench_hot_row?createDatabaseIfNotExist=true";
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS hot_row (id INT PRIMARY KEY, stock INT NOT NULL) ENGINE = InnoDB");
            s.execute("REPLACE INTO hot_row (id, stock) VALUES (1, " + stock + ")");
        }
        long[] latencies = new long[attempts];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        // Connections are opened before the clock starts, as the stack's pools are; never more than the server
        // has room for beside the running stack's pools (max_connections less those open, less 20 to spare).
        int room;
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT @@max_connections - (SELECT COUNT(*) FROM information_schema.PROCESSLIST) - 20")) {
            r.next();
            room = Math.max(1, r.getInt(1));
        }
        if (connections > room) {
            System.err.printf(Locale.ROOT, "hotrow: %d connections asked, %d opened (the server's room)%n", connections, room);
            connections = room;
        }
        List<Connection> pool = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            pool.add(DriverManager.getConnection(url, "root", ""));
        }
        long started;
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            started = System.nanoTime();
            List<Future<?>> all = new ArrayList<>();
            for (Connection c : pool) {
                all.add(workers.submit(() -> {
                    try (PreparedStatement update = c.prepareStatement(
                            "UPDATE hot_row SET stock = stock - 1 WHERE id = 1 AND stock >= 1")) {
                        int i;
                        while ((i = next.getAndIncrement()) < attempts) {
                            long t0 = System.nanoTime();
                            if (update.executeUpdate() == 1) {
                                taken.incrementAndGet();
                            }
                            latencies[i] = System.nanoTime() - t0;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        for (Connection c : pool) {
            c.close();
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%.0f %.1f %.1f %d%n", attempts / seconds, percentile(latencies, 0.50),
                percentile(latencies, 0.99), taken.get());
    }

    private static void check(String product, int stock, int created) throws Exception {
        try (Connection c = DriverManager.getConnection(JDBC + "/", "root", "")) {
            int sold = 0;
            int orders = 0;
            double sellOut = 0;
            try (PreparedStatement q = c.prepareStatement("SELECT COALESCE(SUM(l.quantity), 0), COUNT(DISTINCT o.id), "
                    + "TIMESTAMPDIFF(MICROSECOND, MIN(o.placed_at), MAX(o.placed_at)) FROM " + DB_PREFIX + "orders.order_line l "
                    + "JOIN " + DB_PREFIX + "orders.orders o ON o.id = l.order_id WHERE l.product_id = ?")) {
                q.setString(1, product);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    sold = r.getInt(1);
                    orders = r.getInt(2);
                    sellOut = r.getLong(3) / 1e6;
                }
            }
            int left;
            try (PreparedStatement q = c.prepareStatement("SELECT stock FROM " + DB_PREFIX + "catalog.product WHERE id = ?")) {
                q.setString(1, product);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    left = r.getInt(1);
                }
            }
            int oversold = Math.max(0, sold - stock) + Math.max(0, -left);
            int lost = Math.max(0, created - orders);
            // Units taken from stock without an order (or the reverse): a reservation not yet given back.
            int unmatched = stock - left - sold;
            System.out.printf(Locale.ROOT, "%d %d %d %.2f %d %d %d%n", sold, left, orders, sellOut, oversold, lost, unmatched);
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
