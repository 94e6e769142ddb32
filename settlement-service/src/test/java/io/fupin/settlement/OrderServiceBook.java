package io.fupin.settlement;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * order-service's side of the cross-service reconciliation, for settlement's tests: its books (what it
 * recorded as paid and refunded, per day in Asia/Shanghai and order) and its internal endpoint
 * {@code GET /internal/order-totals/{day}} answering them in the shape order-service's
 * {@code DayTotalsIntegrationTests} pin down, behind the same signed service identity. Every order event the
 * tests send through {@link TestEvents#send} is first recorded here, as order-service records it before it
 * publishes; a test that wants an event lost on the way records it without sending it.
 */
public final class OrderServiceBook {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The identity secret of application-test.yml, which order-service shares with settlement. */
    private static final String SECRET = "integration-test-secret-0123456789abcdef";
    private static OrderServiceBook instance;

    private final HttpServer server;
    private final IdentitySignature signature = new IdentitySignature(SECRET, Duration.ofMinutes(5),
            Clock.systemUTC());
    private final Map<LocalDate, SortedMap<UUID, long[]>> days = new ConcurrentHashMap<>();
    private final Set<String> facts = ConcurrentHashMap.newKeySet();
    private volatile boolean down;

    private OrderServiceBook(HttpServer server) {
        this.server = server;
    }

    public static synchronized OrderServiceBook get() {
        if (instance == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                instance = new OrderServiceBook(server);
                server.createContext("/internal/order-totals/", instance::answer);
                server.start();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** While down, every call answers 503, as an order-service that is not there (or overloaded) would. */
    public void down(boolean down) {
        this.down = down;
    }

    /** Records a paid or refunded order event as order-service did when it committed it; others are ignored. */
    public void record(TestEvents.Event event) {
        if (!TestEvents.ORDERS.equals(event.topic())) {
            return;
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(event.json());
        } catch (RuntimeException unreadable) {
            return;
        }
        JsonNode payload = envelope.path("payload");
        switch (envelope.path("eventType").asString("")) {
            case "OrderPaid" -> add("paid:" + payload.path("orderId").asString(), payload.path("orderId"),
                    payload.path("paidAt"), payload.path("totalFen").asLong(), 0);
            case "OrderRefunded" -> add("refund:" + payload.path("refundId").asString(), payload.path("orderId"),
                    payload.path("refundedAt"), 0, payload.path("totalFen").asLong());
            default -> {
            }
        }
    }

    /** Records a refund order-service made: e.g. one whose figure differs from what settlement was told. */
    public void refunded(UUID orderId, UUID refundId, Instant at, long totalFen) {
        add("refund:" + refundId, orderId, at, 0, totalFen);
    }

    private void add(String fact, JsonNode orderId, JsonNode at, long paidFen, long refundedFen) {
        try {
            add(fact, UUID.fromString(orderId.asString()), Instant.parse(at.asString()), paidFen, refundedFen);
        } catch (RuntimeException unreadable) {
            // Settlement cannot read it either: it goes to the dead letters, not into anyone's books.
        }
    }

    private void add(String fact, UUID orderId, Instant at, long paidFen, long refundedFen) {
        if (!facts.add(fact)) {
            return;
        }
        SortedMap<UUID, long[]> day = days.computeIfAbsent(LocalDate.ofInstant(at, CHINA),
                d -> java.util.Collections.synchronizedSortedMap(new TreeMap<>()));
        synchronized (day) {
            long[] figures = day.computeIfAbsent(orderId, o -> new long[2]);
            figures[0] += paidFen;
            figures[1] += refundedFen;
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                reply(exchange, 503, "{\"status\":503}");
                return;
            }
            Caller caller;
            try {
                caller = signature.verify(exchange.getRequestHeaders()::getFirst);
            } catch (IdentitySignature.UntrustedIdentity e) {
                reply(exchange, 401, "{\"status\":401}");
                return;
            }
            if (!caller.hasRole(Role.SERVICE)) {
                reply(exchange, 403, "{\"status\":403}");
                return;
            }
            URI uri = exchange.getRequestURI();
            LocalDate day = LocalDate.parse(uri.getPath().substring("/internal/order-totals/".length()));
            Map<String, String> query = new HashMap<>();
            if (uri.getQuery() != null) {
                for (String pair : uri.getQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            int page = Integer.parseInt(query.getOrDefault("page", "0"));
            int size = Integer.parseInt(query.getOrDefault("size", "500"));
            List<Map<String, Object>> all = new ArrayList<>();
            SortedMap<UUID, long[]> figures = days.getOrDefault(day, new TreeMap<>());
            synchronized (figures) {
                figures.forEach((order, f) -> all.add(Map.of("orderId", order, "paidFen", f[0], "refundedFen", f[1])));
            }
            int from = Math.min(all.size(), page * size);
            int to = Math.min(all.size(), from + size);
            int totalPages = (all.size() + size - 1) / size;
            reply(exchange, 200, JSON.writeValueAsString(Map.of("items", all.subList(from, to), "page", page,
                    "size", size, "totalItems", all.size(), "totalPages", totalPages)));
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
