package io.fupin.demo;

import io.fupin.demo.Api.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Orders flowing through the gateway while components fail: each worker takes one order through its life
 * (placed, then cancelled unpaid, left unpaid, paid and cancelled, or paid, shipped, delivered and sometimes
 * partly refunded), retrying what the platform could not answer, as a patient client would. What the platform
 * acknowledged is remembered, so that it can be checked afterwards against what the services recorded.
 */
final class Workload {

    /** A product the workload buys and the demo user who sells it. */
    record Product(String id, String sellerUser) {
    }

    /** An order the platform acknowledged (201), and what else the client was told about it. */
    static final class Order {
        final String id;
        final String buyer;
        final Product product;
        final int quantity;
        final long totalFen;
        volatile boolean payAttempted;
        volatile boolean paid;
        volatile boolean cancelAttempted;
        volatile boolean cancelled;
        volatile boolean shipped;
        volatile boolean delivered;
        volatile long refundedFen;
        volatile boolean canary;
        /** When the client heard it was placed: an order left unpaid for order-service's payment window expires. */
        final java.time.Instant acknowledgedAt = java.time.Instant.now();

        Order(String id, String buyer, Product product, int quantity, long totalFen) {
            this.id = id;
            this.buyer = buyer;
            this.product = product;
            this.quantity = quantity;
            this.totalFen = totalFen;
        }
    }

    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private final Api api;
    private final long seed;
    private final List<Product> products;
    final List<Order> acknowledged = Collections.synchronizedList(new ArrayList<>());
    final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger canaries = new AtomicInteger();
    /** Payments asked for and not yet seen settled by their client: a kill of order-service waits for one. */
    final AtomicInteger paymentsInFlight = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();

    Workload(Api api, long seed, List<Product> products) {
        this.api = api;
        this.seed = seed;
        this.products = products;
    }

    void start(int workerCount) {
        for (int w = 0; w < workerCount; w++) {
            int worker = w;
            workers.add(Thread.ofPlatform().name("workload-" + w).start(() -> {
                Random random = new Random(seed * 1_000 + worker);
                for (int n = 0; !stopping.get(); n++) {
                    try {
                        oneOrder(random, worker, n);
                    } catch (RuntimeException e) {
                        unexpected.add("worker " + worker + " order " + n + ": " + e.getMessage());
                    }
                }
            }));
        }
    }

    /** Lets each worker finish the order it is on, then returns. */
    void stop() throws InterruptedException {
        stopping.set(true);
        for (Thread worker : workers) {
            worker.join(PATIENCE.multipliedBy(3).toMillis());
        }
    }

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private void oneOrder(Random random, int worker, int n) {
        Product product = products.get(random.nextInt(products.size()));
        int quantity = 1 + random.nextInt(3);
        String buyer = "buyer-" + (1 + random.nextInt(4_000));
        double fate = random.nextDouble();
        boolean cancelPaid = random.nextDouble() < 0.15;
        boolean refund = random.nextDouble() < 0.3;
        Order order = place(buyer, product, quantity, "faults-" + seed + "-" + worker + "-" + n);
        if (order == null) {
            return;
        }
        if (fate < 0.07) {
            cancel(order);
            return;
        }
        if (fate < 0.12) {
            count("left unpaid");
            return;
        }
        if (!pay(order)) {
            return;
        }
        if (cancelPaid) {
            cancel(order);
            return;
        }
        if (!ship(order) || !deliver(order)) {
            return;
        }
        if (refund) {
            refundOne(order);
        }
    }

    Order place(String buyer, Product product, int quantity, String idempotencyKey) {
        Reply reply = call(buyer, "POST", "/api/orders", Map.of(
                "lines", List.of(Map.of("productId", product.id(), "quantity", quantity)),
                "channel", "ONLINE", "buyer", Map.of("kind", "INDIVIDUAL"),
                "delivery", Map.of("name", "故障演练", "mobile", "13900000000", "address", "黑龙江省哈尔滨市双城区")),
                Map.of("Idempotency-Key", idempotencyKey));
        if (reply == null) {
            count("orders never acknowledged (gave up)");
            return null;
        }
        if (reply.status() == 409) {
            count("orders refused: sold out");
            return null;
        }
        if (reply.status() != 201) {
            unexpected.add("place " + idempotencyKey + ": " + reply.status() + " " + reply.text());
            return null;
        }
        Order order = new Order(reply.body().get("id").asString(), buyer, product, quantity,
                reply.body().get("totalFen").asLong());
        acknowledged.add(order);
        count("orders acknowledged");
        return order;
    }

    boolean pay(Order order) {
        paymentsInFlight.incrementAndGet();
        try {
            return payAndAwait(order);
        } finally {
            paymentsInFlight.decrementAndGet();
        }
    }

    private boolean payAndAwait(Order order) {
        order.payAttempted = true;
        Reply payment = call(order.buyer, "POST", "/api/payments", Map.of("orderId", order.id, "amountFen", order.totalFen),
                Map.of("Idempotency-Key", "pay-" + order.id));
        if (payment == null || !payment.ok()) {
            note("payment start", order, payment);
            return false;
        }
        Reply paid = call(order.buyer, "POST", "/api/payments/" + payment.body().get("id").asString() + "/sandbox/pay", Map.of(), Map.of());
        if (paid == null || !(paid.ok() || paid.status() == 409)) {
            note("sandbox pay", order, paid);
            return false;
        }
        String status = awaitStatus(order, s -> !s.equals("PENDING_PAYMENT"));
        if (!"PAID".equals(status)) {
            count("payments not seen as paid in time");
            return false;
        }
        order.paid = true;
        count("orders paid");
        return true;
    }

    private void cancel(Order order) {
        order.cancelAttempted = true;
        Reply reply = call(order.buyer, "POST", "/api/orders/" + order.id + "/cancellation", Map.of(), Map.of());
        if (reply != null && reply.ok() || reply != null && reply.status() == 409 && "CANCELLED".equals(status(order))) {
            order.cancelled = true;
            count(order.paid ? "paid orders cancelled (refunded)" : "unpaid orders cancelled");
        } else {
            note("cancel", order, reply);
        }
    }

    private boolean ship(Order order) {
        Reply reply = call(order.product.sellerUser(), "POST", "/api/orders/" + order.id + "/shipments",
                Map.of("trackingNumber", "SF" + Math.abs(order.id.hashCode())), Map.of());
        if (reply != null && reply.ok() || reply != null && reply.status() == 409 && "SHIPPED".equals(status(order))) {
            order.shipped = true;
            count("orders shipped");
            return true;
        }
        note("ship", order, reply);
        return false;
    }

    private boolean deliver(Order order) {
        Reply reply = call(order.buyer, "POST", "/api/orders/" + order.id + "/delivery", Map.of(), Map.of());
        String status = reply != null && reply.status() == 409 ? status(order) : "";
        if (reply != null && reply.ok() || "DELIVERED".equals(status) || "COMPLETED".equals(status)) {
            order.delivered = true;
            count("orders delivered");
            return true;
        }
        note("deliver", order, reply);
        return false;
    }

    private void refundOne(Order order) {
        Reply requested = call(order.buyer, "POST", "/api/orders/" + order.id + "/refunds",
                Map.of("lines", List.of(Map.of("productId", order.product.id(), "quantity", 1)), "note", "少了一袋"), Map.of());
        if (requested == null || requested.status() != 201) {
            // The refund window is short in the local profile: a refund asked for after it closes is refused.
            count(requested != null && requested.status() == 409 ? "refunds refused (window closed)" : "refunds not requested");
            return;
        }
        String refundId = null;
        for (JsonNode refund : requested.body().path("refunds")) {
            if ("REQUESTED".equals(text(refund, "status"))) {
                refundId = text(refund, "refundId");
            }
        }
        if (refundId == null) {
            unexpected.add("refund request " + order.id + ": no refund requested in " + requested.text());
            return;
        }
        Reply accepted = call(order.product.sellerUser(), "POST", "/api/orders/" + order.id + "/refunds/" + refundId + "/acceptance",
                Map.of(), Map.of());
        if (accepted != null && accepted.ok()) {
            order.refundedFen += order.totalFen / order.quantity;
            count("refunds accepted");
        } else {
            note("refund acceptance", order, accepted);
        }
    }

    /**
     * One order placed and paid as a fixed buyer, then followed until settlement records it as paid: the time it
     * takes, after a fault was lifted, is how long the platform took to converge. Null when it did not within
     * the patience.
     */
    Double canary(Product product) {
        long started = System.nanoTime();
        Order order = place("buyer-5000", product, 1, "faults-" + seed + "-canary-" + canaries.incrementAndGet());
        if (order == null) {
            return null;
        }
        order.canary = true;
        if (!pay(order)) {
            return null;
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            // Through call: a restarted gateway's development issuer no longer knows the tokens it signed before.
            Reply settled = call("clerk", "GET", "/api/settlements/orders/" + order.id, null, Map.of());
            if (settled != null && settled.ok() && "PAID".equals(text(settled.body(), "status"))) {
                return (System.nanoTime() - started) / 1e9;
            }
            pause(500);
        }
        return null;
    }

    private void note(String step, Order order, Reply reply) {
        if (reply == null) {
            count(step + ": gave up after " + PATIENCE.toMinutes() + " min");
        } else {
            unexpected.add(step + " " + order.id + ": " + reply.status() + " " + reply.text());
        }
    }

    String status(Order order) {
        Reply reply = call(order.buyer, "GET", "/api/orders/" + order.id, null, Map.of());
        return reply != null && reply.ok() ? text(reply.body(), "status") : "";
    }

    private String awaitStatus(Order order, java.util.function.Predicate<String> reached) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String status = "";
        while (System.nanoTime() < deadline) {
            status = status(order);
            if (reached.test(status)) {
                return status;
            }
            pause(500);
        }
        return status;
    }

    /**
     * Sends until the platform answers something other than 5xx or 429, backing off, for at most the patience;
     * null when it never did. Idempotent requests and those with an idempotency key are safe to repeat; the
     * others (cancel, ship, deliver) are checked against the order's status when they answer 409.
     */
    Reply call(String user, String method, String path, Object body, Map<String, String> headers) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long backoff = 250;
        while (true) {
            Reply reply = quietly(() -> switch (method) {
                case "GET" -> api.get(user, path);
                case "POST" -> api.post(user, path, body, headers);
                default -> throw new IllegalArgumentException(method);
            });
            if (reply != null && reply.status() < 500 && reply.status() != 429 && reply.status() != 401) {
                return reply;
            }
            if (reply != null && reply.status() == 401) {
                // A token the restarted gateway no longer knows is asked for again.
                api.forget(user);
            }
            count("retries");
            if (System.nanoTime() > deadline) {
                return null;
            }
            pause(backoff);
            backoff = Math.min(3_000, backoff * 2);
        }
    }

    private static Reply quietly(java.util.function.Supplier<Reply> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        return node != null && node.has(field) ? node.get(field).asString() : "";
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
