package io.fupin.demo;

import io.fupin.demo.Api.Reply;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A county-head livestream: a crowd rushes 翠小妹花生; orders are paid, shipped and delivered; a clerk closes the
 * period, a second clerk approves, the payout is exported and marked paid; households' income rises. Every
 * figure in the summary comes from the services' own APIs.
 */
final class Livestream {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String SELLER = "seller-cuicui";
    private static final int SHOW_BAGS = 2_000;

    private final Api api;
    private final LoadDemo demo;
    private final int buyers;
    private final Map<String, Double> stageSeconds = new LinkedHashMap<>();

    Livestream(Api api, LoadDemo demo, int buyers) {
        this.api = api;
        this.demo = demo;
        this.buyers = buyers;
    }

    record Placed(String buyer, String orderId, long totalFen, int bags) {
    }

    void run() {
        UUID peanuts = demo.productId(demo.catalogue().peanuts.key());
        UUID districtId = demo.districtId();
        JsonNode before = api.get("official", "/api/households/reports/places/" + districtId).expect(200).body();

        api.put("admin", "/api/orders/livestream-limits/" + peanuts, Map.of("maxUnitsPerBuyer", 10)).expect(200);
        // The cooperative brings 2,000 bags to the show (as in the report: 2,000+ bags in 500+ orders).
        int onHand = api.get("consumer", "/api/catalog/products/" + peanuts).expect(200).body().get("stock").asInt();
        if (onHand < SHOW_BAGS) {
            api.post(SELLER, "/api/catalog/products/" + peanuts + "/stock", Map.of("delta", SHOW_BAGS - onHand)).expect(200);
        }
        int stockBefore = api.get("consumer", "/api/catalog/products/" + peanuts).expect(200).body().get("stock").asInt();

        String run = UUID.randomUUID().toString();
        AtomicInteger refusedBags = new AtomicInteger();
        AtomicInteger refusedOrders = new AtomicInteger();
        List<Placed> placed = Collections.synchronizedList(new ArrayList<>());
        stage("livestream rush", () -> parallel(buyers, i -> {
            String buyer = "buyer-" + (i + 1);
            int bags = 1 + new Random(i).nextInt(5);
            Reply reply = api.post(buyer, "/api/orders", Map.of(
                    "lines", List.of(Map.of("productId", peanuts, "quantity", bags)),
                    "channel", "LIVESTREAM", "buyer", Map.of("kind", "INDIVIDUAL"),
                    "delivery", Map.of("name", "观众" + (i + 1), "mobile", "139%08d".formatted(i), "address", "黑龙江省哈尔滨市")),
                    Map.of("Idempotency-Key", "livestream-" + run + "-" + buyer));
            if (reply.status() == 201) {
                placed.add(new Placed(buyer, reply.body().get("id").asString(), reply.body().get("totalFen").asLong(), bags));
            } else if (reply.status() == 409) {
                refusedOrders.incrementAndGet();
                refusedBags.addAndGet(bags);
            } else {
                throw new IllegalStateException("order by " + buyer + ": " + reply.status() + " " + reply.text());
            }
        }));

        stage("payment", () -> parallel(placed.size(), i -> {
            Placed order = placed.get(i);
            JsonNode payment = api.post(order.buyer(), "/api/payments", Map.of("orderId", order.orderId(), "amountFen", order.totalFen()),
                    Map.of("Idempotency-Key", "pay-" + order.orderId())).expect(200, 201).body();
            api.post(order.buyer(), "/api/payments/" + payment.get("id").asString() + "/sandbox/pay", Map.of()).expect(200, 202);
        }));
        awaitStatus(placed, "PAID", s -> !s.equals("PENDING_PAYMENT"));

        stage("shipping", () -> parallel(placed.size(), i -> api.post(SELLER, "/api/orders/" + placed.get(i).orderId() + "/shipments",
                Map.of("trackingNumber", "SF2019%07d".formatted(i))).expect(200, 201)));
        stage("delivery", () -> parallel(placed.size(), i -> api.post(placed.get(i).buyer(),
                "/api/orders/" + placed.get(i).orderId() + "/delivery", Map.of()).expect(200, 201)));
        awaitStatus(placed, "COMPLETED", s -> s.equals("COMPLETED"));
        stage("settlement sees completion", () -> await(() -> placed.stream().allMatch(o ->
                "COMPLETED".equals(field(api.get("clerk", "/api/settlements/orders/" + o.orderId()), "status")))));

        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate firstOpen = firstOpenDay(today);
        JsonNode[] batch = new JsonNode[1];
        JsonNode[] report = new JsonNode[1];
        if (firstOpen != null) {
            stage("period close, approval, payout", () -> {
                JsonNode closed = api.post("clerk", "/api/settlements/periods", Map.of("firstDay", firstOpen, "lastDay", today))
                        .expect(201, 200).body();
                String batchId = closed.get("batch").get("batchId").asString();
                api.post("clerk2", "/api/settlements/batches/" + batchId + "/approval", Map.of()).expect(200, 201);
                String file = api.getText("clerk", "/api/settlements/batches/" + batchId + "/payout-file");
                System.out.printf("  payout file: %d lines%n", file.lines().count());
                batch[0] = api.post("clerk", "/api/settlements/batches/" + batchId + "/payment",
                        Map.of("bankReference", "RCC-" + today + "-" + batchId.substring(0, 8))).expect(200, 201).body();
                report[0] = closed.get("report");
            });
        }
        long paidOut = batch[0] == null ? 0 : batch[0].get("totalFen").asLong();
        JsonNode[] after = new JsonNode[1];
        stage("income recorded", () -> await(() -> {
            after[0] = api.get("official", "/api/households/reports/places/" + districtId).expect(200).body();
            return income(after[0]) >= income(before) + paidOut;
        }));

        int stockAfter = api.get("consumer", "/api/catalog/products/" + peanuts).expect(200).body().get("stock").asInt();
        long receivedFen = placed.stream().mapToLong(Placed::totalFen).sum();
        int bagsSold = placed.stream().mapToInt(Placed::bags).sum();
        System.out.println();
        System.out.println("  ==== County-head livestream: 翠小妹花生 ====");
        System.out.printf("  buyers                      %,d%n", buyers);
        System.out.printf("  orders placed               %,d%n", placed.size());
        System.out.printf("  bags sold / refused         %,d / %,d (stock %,d -> %,d, %,d orders refused)%n",
                bagsSold, refusedBags.get(), stockBefore, stockAfter, refusedOrders.get());
        System.out.printf("  received                    %s%n", yuan(receivedFen));
        if (batch[0] == null) {
            // A period is a range of whole days and today's is closed already: the show's money is payable to the
            // households and goes into the next period's batch.
            System.out.println("  paid to households          not yet: today's settlement period was already closed;"
                    + " the show's net is payable and goes into the next period's batch");
        } else {
            System.out.printf("  paid to households          %s (batch %s, %d households)%n", yuan(paidOut),
                    batch[0].get("reference").asString(), batch[0].get("lineCount").asInt());
            System.out.printf("  of which from this show     %s (net of pass-through costs)%n",
                    yuan(receivedFen - bagsSold * demo.catalogue().peanuts.costFen()));
            System.out.printf("  platform margin             %s%n", yuan(report[0].get("marginFen").asLong()));
            System.out.printf("  reconciliation              %s%n", report[0].get("identityHolds").asBoolean()
                    ? "receipts %s - refunds %s = allocations %s + costs %s + suspense %s, to the fen".formatted(
                            yuan(report[0].get("receiptsFen").asLong()), yuan(report[0].get("refundsFen").asLong()),
                            yuan(report[0].get("allocationsFen").asLong()), yuan(report[0].get("costsFen").asLong()),
                            yuan(report[0].get("suspenseFen").asLong()))
                    : "DIFFERENCES: " + report[0].get("differences"));
        }
        System.out.printf("  households at target        %d -> %d (of %d)%n", before.get("total").get("reached").asInt(),
                after[0].get("total").get("reached").asInt(), after[0].get("total").get("households").asInt());
        stageSeconds.forEach((stage, seconds) -> System.out.printf("  %-27s %.1f s%n", stage, seconds));
    }

    /** The first day after the last closed period, or null when today's period is closed already. */
    private LocalDate firstOpenDay(LocalDate today) {
        JsonNode periods = api.get("clerk", "/api/settlements/periods?size=200").expect(200).items();
        LocalDate first = today.withDayOfYear(1);
        for (JsonNode period : periods) {
            LocalDate last = LocalDate.parse(period.get("lastDay").asString());
            if (!last.isBefore(first)) {
                first = last.plusDays(1);
            }
        }
        if (first.isAfter(today)) {
            System.out.println("  today's settlement period is already closed: the show settles in the next period"
                    + " (`deploy/local/fupin reset` starts afresh)");
            return null;
        }
        return first;
    }

    private void awaitStatus(List<Placed> placed, String label, Predicate<String> reached) {
        stage("orders " + label, () -> await(() -> placed.stream()
                .allMatch(o -> reached.test(field(api.get(o.buyer(), "/api/orders/" + o.orderId()), "status")))));
    }

    private static long income(JsonNode placeReport) {
        return placeReport.get("total").get("totalIncomeFen").asLong();
    }

    private static String field(Reply reply, String name) {
        return reply.ok() && reply.body() != null && reply.body().has(name) ? reply.body().get(name).asString() : "";
    }

    private void stage(String name, Runnable work) {
        long started = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        stageSeconds.put(name, seconds);
        System.out.printf("  %-27s done in %.1f s%n", name, seconds);
    }

    private static void await(Callable<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try {
            while (!condition.call()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("gave up waiting after 5 minutes");
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    interface Step {
        void run(int index) throws Exception;
    }

    private static void parallel(int count, Step step) {
        Progress progress = new Progress("", count);
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    step.run(index);
                    progress.step(1);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
        }
    }

    private static String yuan(long fen) {
        return "¥%,d.%02d (%,d fen)".formatted(fen / 100, Math.abs(fen % 100), fen);
    }
}
