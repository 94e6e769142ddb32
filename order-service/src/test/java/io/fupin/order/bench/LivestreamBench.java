package io.fupin.order.bench;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The livestream flash sale, measured: for each concurrency, a fresh product with {@code bench.stock} units and
 * {@code bench.attempts} buy attempts (one unit each, every attempt a different buyer) against {@code bench.target};
 * then, in the same run, a raw hot-row conditional UPDATE loop against the same MariaDB with as many connections.
 * Needs a running stack ({@code deploy/local/fupin up}). Not a test: run it with
 * {@code ./mvnw -q -B -pl order-service -Pbench verify} (see the README for the parameters).
 */
public final class LivestreamBench {

    /** {@code soldOutSeconds}: from the first attempt to the last unit placed (the whole run if stock remained). */
    record Result(String what, int concurrency, int attempts, int placed, int refused, int failed, double seconds,
            double soldOutSeconds, double p50Ms, double p99Ms) {
        double perSecond() {
            return placed / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        String target = System.getProperty("bench.target", "http://127.0.0.1:8082");
        String catalog = System.getProperty("bench.catalog", "http://127.0.0.1:8081");
        String jdbcUrl = System.getProperty("bench.jdbc", "jdbc:mysql://127.0.0.1:3306/bench_hot_row?createDatabaseIfNotExist=true");
        String jdbcUser = System.getProperty("bench.jdbc.user", "root");
        String jdbcPassword = System.getProperty("bench.jdbc.password", "");
        int attempts = Integer.getInteger("bench.attempts", 3000);
        int stock = Integer.getInteger("bench.stock", 1000);
        int[] levels = Arrays.stream(System.getProperty("bench.concurrency", "16,64,256").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        String secret = System.getProperty("bench.secret", System.getenv("FUPIN_IDENTITY_SECRET"));
        if (secret == null || secret.isBlank()) {
            Path file = Path.of(System.getProperty("bench.secret.file", "/var/lib/fupin/default/secrets/identity-secret"));
            secret = Files.readString(file).strip();
        }
        IdentitySignature identity = new IdentitySignature(secret, Duration.ofMinutes(5), Clock.systemUTC());
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5)).build();

        // Through the gateway (bench.gateway, e.g. http://127.0.0.1:8080): the local profile's numbered audience,
        // buyer-1 ... buyer-N, one bearer token each, fetched before the clock starts.
        String gateway = System.getProperty("bench.gateway", "");
        List<String> tokens = gateway.isBlank() ? List.of()
                : tokens(http, gateway, attempts, System.getProperty("bench.password", "fupin-demo"));

        List<Result> results = new ArrayList<>();
        for (int concurrency : levels) {
            String product = listProduct(http, identity, catalog, stock);
            results.add(buy("order-service", http, target, product, concurrency, attempts,
                    (i, request) -> identity.headersFor(Caller.of("bench-viewer-" + UUID.randomUUID(), null, "CONSUMER"))
                            .forEach(request::header)));
            if (!tokens.isEmpty()) {
                String viaGateway = listProduct(http, identity, catalog, stock);
                results.add(buy("gateway", http, gateway, viaGateway, concurrency, attempts,
                        (i, request) -> request.header("Authorization", "Bearer " + tokens.get(i))));
            }
            results.add(hotRow(jdbcUrl, jdbcUser, jdbcPassword, concurrency, attempts, stock));
        }
        for (Result r : results) {
            holds(r, stock);
        }
        System.out.printf(Locale.ROOT, "%n%-14s %5s %8s %7s %8s %7s %9s %9s %10s %8s %8s%n", "path", "conc", "attempts",
                "placed", "refused", "failed", "placed/s", "attempt/s", "sold out s", "p50 ms", "p99 ms");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-14s %5d %8d %7d %8d %7d %9.0f %9.0f %10.2f %8.2f %8.2f%n", r.what(), r.concurrency(),
                    r.attempts(), r.placed(), r.refused(), r.failed(), r.perSecond(), r.attempts() / r.seconds(),
                    r.soldOutSeconds(), r.p50Ms(), r.p99Ms());
        }
        System.out.println();
        for (int concurrency : levels) {
            Result raw = results.stream().filter(r -> r.concurrency() == concurrency && r.what().equals("raw UPDATE"))
                    .findFirst().orElseThrow();
            results.stream().filter(r -> r.concurrency() == concurrency && !r.what().equals("raw UPDATE")).forEach(r ->
                    System.out.printf(Locale.ROOT, "concurrency %d: %s places %.1f%% of the raw UPDATE rate (attempts %.1f%%), p99 %.0fx%n",
                            concurrency, r.what(), 100 * r.perSecond() / raw.perSecond(),
                            100 * (r.attempts() / r.seconds()) / (raw.attempts() / raw.seconds()),
                            r.p99Ms() / Math.max(raw.p99Ms(), 0.001)));
        }
    }

    /**
     * Fails the run, before any figure is shown, when a path sold more than the stock or lost count of an attempt:
     * a rate bought with oversold units or uncounted failures would compare nothing.
     */
    static void holds(Result r, int stock) {
        if (r.placed() < 0 || r.refused() < 0 || r.failed() < 0 || r.placed() > stock) {
            throw new IllegalStateException(r.what() + " at concurrency " + r.concurrency() + " placed " + r.placed()
                    + " of a stock of " + stock + ": " + r);
        }
        if (r.what().equals("raw UPDATE") ? r.placed() + r.refused() > r.attempts()
                : r.placed() + r.refused() + r.failed() != r.attempts()) {
            throw new IllegalStateException(r.what() + " at concurrency " + r.concurrency() + ": placed, refused and failed"
                    + " do not add up to the " + r.attempts() + " attempts: " + r);
        }
    }

    private static String listProduct(HttpClient http, IdentitySignature identity, String catalog, int stock) throws Exception {
        String code = creditCode();
        UUID seller = UUID.nameUUIDFromBytes(("seller:" + code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Caller admin = Caller.of("bench-admin", null, "ADMIN");
        HttpResponse<String> sellers = send(http, identity, admin, catalog + "/api/catalog/sellers", """
                {"name":"Bench cooperative %s","kind":"COOPERATIVE","creditCode":"%s","contact":{"name":"Li","phone":"13900139000"},"town":"Xinxing","village":"Xingong"}"""
                .formatted(code, code));
        HttpResponse<String> created = send(http, identity, admin, catalog + "/api/catalog/products", """
                {"sellerId":"%s","name":"Bench peanuts","category":"PEANUTS","unit":"500 g bag","priceFen":1990,"costFen":0,"stock":%d}"""
                .formatted(seller, stock));
        String id = created.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        if (sellers.statusCode() != 404 && created.body().contains("\"DRAFT\"")) {
            send(http, identity, admin, catalog + "/api/catalog/products/" + id + "/certification-request", """
                    {"certificateNumber":"BENCH-%s","issuingBody":"Shuangcheng","validFrom":"%s","validUntil":"%s"}"""
                    .formatted(id.substring(0, 8), java.time.LocalDate.now().minusDays(1), java.time.LocalDate.now().plusYears(1)));
            send(http, identity, admin, catalog + "/api/catalog/products/" + id + "/certification/approve", "{}");
        }
        return id;
    }

    /** Adds the caller's credentials for attempt {@code i}. */
    interface Credentials {
        void add(int attempt, HttpRequest.Builder request);
    }

    private static List<String> tokens(HttpClient http, String gateway, int count, String password) throws Exception {
        String[] tokens = new String[count];
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                all.add(pool.submit(() -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/token"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"buyer-" + (n + 1)
                                    + "\",\"password\":\"" + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
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
        return List.of(tokens);
    }

    private static Result buy(String what, HttpClient http, String target, String product, int concurrency,
            int attempts, Credentials credentials) throws Exception {
        long[] latencies = new long[attempts];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger placed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong lastPlaced = new AtomicLong();
        String body = """
                {"lines":[{"productId":"%s","quantity":1}],"channel":"LIVESTREAM","buyer":{"kind":"INDIVIDUAL"},
                 "delivery":{"name":"Wang Fang","mobile":"13800138000","address":"Shuangcheng, Harbin"}}""".formatted(product);
        long started = System.nanoTime();
        runWorkers(concurrency, () -> {
            int i;
            while ((i = next.getAndIncrement()) < attempts) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + "/api/orders"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                credentials.add(i, request);
                long t0 = System.nanoTime();
                try {
                    int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    (status == 201 ? placed : status == 409 ? refused : failed).incrementAndGet();
                    if (status == 201) {
                        lastPlaced.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
                latencies[i] = System.nanoTime() - t0;
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        double soldOut = placed.get() == 0 ? seconds : (lastPlaced.get() - started) / 1e9;
        return new Result(what, concurrency, attempts, placed.get(), refused.get(), failed.get(), seconds, soldOut,
                percentile(latencies, 0.50), percentile(latencies, 0.99));
    }

    private static Result hotRow(String url, String user, String password, int concurrency, int attempts, int stock)
            throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS hot_row (id INT PRIMARY KEY, stock INT NOT NULL) ENGINE = InnoDB");
            s.execute("REPLACE INTO hot_row (id, stock) VALUES (1, " + stock + ")");
        }
        long[] latencies = new long[attempts];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        AtomicLong lastTaken = new AtomicLong();
        long started = System.nanoTime();
        runWorkers(concurrency, () -> {
            try (Connection c = DriverManager.getConnection(url, user, password);
                    PreparedStatement update = c.prepareStatement("UPDATE hot_row SET stock = stock - 1 WHERE id = 1 AND stock >= 1")) {
                int i;
                while ((i = next.getAndIncrement()) < attempts) {
                    long t0 = System.nanoTime();
                    if (update.executeUpdate() == 1) {
                        taken.incrementAndGet();
                        lastTaken.accumulateAndGet(System.nanoTime(), Math::max);
                    } else {
                        refused.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
            } catch (SQLException e) {
                failures.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
                ResultSet left = s.executeQuery("SELECT stock FROM hot_row WHERE id = 1")) {
            left.next();
            if (left.getInt(1) < 0 || left.getInt(1) + taken.get() != stock) {
                throw new IllegalStateException("raw UPDATE at concurrency " + concurrency + ": " + left.getInt(1)
                        + " left after " + taken.get() + " taken of " + stock);
            }
        }
        return new Result("raw UPDATE", concurrency, attempts, taken.get(), refused.get(), (int) failures.get(), seconds,
                (lastTaken.get() - started) / 1e9, percentile(latencies, 0.50), percentile(latencies, 0.99));
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void runWorkers(int concurrency, Work work) throws Exception {
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                all.add(workers.submit(() -> {
                    work.run();
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
    }

    private static HttpResponse<String> send(HttpClient http, IdentitySignature identity, Caller caller, String url,
            String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        identity.headersFor(caller).forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String creditCode() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder code = new StringBuilder("93230113");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (code.length() < 17) {
            code.append(chars.charAt(random.nextInt(chars.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(code.charAt(i)) * weights[i];
        }
        int check = 31 - sum % 31;
        return code.append(chars.charAt(check == 31 ? 0 : check)).toString();
    }
}
