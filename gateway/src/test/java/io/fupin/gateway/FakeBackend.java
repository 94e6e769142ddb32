package io.fupin.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for one service instance: a real HTTP server on a random port that records each request and
 * answers it with what it received (headers, path, body size) as JSON. A path containing {@code /slow}
 * answers after {@link #SLOW}. It can be stopped and started again on the same port.
 *
 * <p>As catalog-service, it answers the gateway's questions for seller grants ({@code /internal/seller-grants/{user}})
 * from {@link #grant}, 404 for anyone else, and keeps them out of {@link #received()}: the gateway asks them for
 * every consumer, and tests count what was forwarded.
 */
public final class FakeBackend {

    public static final long SLOW = 3_000;

    /** What the backend received. Header names are lower case. */
    public record Received(long sequence, String method, String path, Map<String, String> headers, long bodyBytes) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String GRANTS = "/internal/seller-grants/";
    private static final Map<String, String> GRANTED = new java.util.concurrent.ConcurrentHashMap<>();

    private final String name;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    FakeBackend(String name) {
        this.name = name;
    }

    public synchronized FakeBackend start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getAddress().getPort();
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
        return this;
    }

    public synchronized void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    /** From now on, catalog-service says the user acts for the seller (as after an official approved its application). */
    public static void grant(String userId, java.util.UUID sellerId) {
        GRANTED.put(userId, sellerId.toString());
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The latest request, across the given backends, whose path (with query) starts with the prefix. */
    public static Received latest(String pathPrefix, FakeBackend... backends) {
        Received latest = null;
        for (FakeBackend backend : backends) {
            Received candidate = backend.last(pathPrefix);
            if (candidate != null && (latest == null || candidate.sequence() > latest.sequence())) {
                latest = candidate;
            }
        }
        return latest;
    }

    /** The last request whose path (with query) starts with the prefix. */
    public Received last(String pathPrefix) {
        return received.reversed().stream().filter(r -> r.path().startsWith(pathPrefix)).findFirst().orElse(null);
    }

    private void answer(HttpExchange exchange) throws IOException {
        long bodyBytes;
        try (InputStream body = exchange.getRequestBody()) {
            bodyBytes = body.transferTo(OutputStream.nullOutputStream());
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((header, values) -> headers.put(header.toLowerCase(), String.join(",", values)));
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        if (path.startsWith(GRANTS)) {
            answerGrant(exchange, java.net.URLDecoder.decode(path.substring(GRANTS.length()), java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        Received request = new Received(SEQUENCE.incrementAndGet(), exchange.getRequestMethod(), path, headers, bodyBytes);
        received.add(request);
        if (path.contains("/slow")) {
            try {
                Thread.sleep(SLOW);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] answer = JSON.writeValueAsBytes(Map.of("service", name, "method", request.method(), "path", path,
                "headers", headers, "bodyBytes", bodyBytes));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if ("HEAD".equals(request.method())) {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private static void answerGrant(HttpExchange exchange, String user) throws IOException {
        String seller = GRANTED.get(user);
        byte[] answer = seller == null
                ? JSON.writeValueAsBytes(Map.of("type", "https://fupin.market/problems/not-found", "status", 404))
                : JSON.writeValueAsBytes(Map.of("userId", user, "sellerId", seller));
        exchange.getResponseHeaders().set("Content-Type", seller == null ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(seller == null ? 404 : 200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }
}
