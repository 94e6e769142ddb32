package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.system.Platform.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One trace id, followed through the logs the local stack writes under its state directory: from the gateway's
 * access log line of a request, through order-service, across Kafka to settlement-service's line recording what
 * the request did to the same order.
 */
class TraceSystemIntegrationTests {

    static final Platform platform = new Platform();
    /** The correlation every service's console log line carries: {@code [<trace id>-<span id>]}. */
    private static final Pattern CORRELATION = Pattern.compile("\\[([0-9a-f]{32})-[0-9a-f]{16}]");
    private static final Pattern ACCESS_TRACE = Pattern.compile("trace=([0-9a-f]{32}) ");

    @Test
    void thePaymentsTraceRunsFromTheGatewaysAccessLogToSettlementsPostingsOfTheOrder() {
        String product = Listings.listProduct(platform, "翠小妹花生", "PEANUTS", 5, 1800, 0);
        Reply placed = platform.post("consumer", "/api/orders", Map.of(
                "lines", List.of(Map.of("productId", product, "quantity", 1)), "channel", "ONLINE",
                "buyer", Map.of("kind", "INDIVIDUAL"),
                "delivery", Map.of("name", "王芳", "mobile", "13800138000", "address", "黑龙江省哈尔滨市双城区")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(201);
        String order = placed.body().get("id").asString();
        Reply payment = platform.post("consumer", "/api/payments", Map.of("orderId", order, "amountFen", 1800),
                Map.of("Idempotency-Key", "pay-" + order));
        assertThat(payment.status()).as(payment.raw().body()).isEqualTo(201);
        String paymentId = payment.body().get("id").asString();
        Reply paid = platform.post("consumer", "/api/payments/" + paymentId + "/sandbox/pay", null, Map.of());
        assertThat(paid.status()).as(paid.raw().body()).isIn(200, 202, 204);

        Path logs = Path.of(Platform.cliOutput("path").strip()).resolve("logs");
        // The buyer's pay request, as the gateway logged it: its trace id.
        String access = awaitLine(logs.resolve("gateway.log"), "path=/api/payments/" + paymentId + "/sandbox/pay ");
        Matcher traced = ACCESS_TRACE.matcher(access);
        assertThat(traced.find()).as(access).isTrue();
        String trace = traced.group(1);

        // order-service recorded the payment in that trace (the sandbox's notification carried it) ...
        String orderPaid = awaitLine(logs.resolve("order-service.log"), "Order " + order + " paid by payment " + paymentId);
        assertThat(traceOf(orderPaid)).as(orderPaid).contains(trace);
        // ... and settlement-service posted the order's payment in it, from the OrderPaid record's traceparent.
        String posted = awaitLine(logs.resolve("settlement-service.log"), "Applied OrderPaid ", " of order " + order);
        assertThat(traceOf(posted)).as(posted).contains(trace);

        // The order's placing too: settlement's line of it carries the trace of the gateway's POST /api/orders.
        String recorded = awaitLine(logs.resolve("settlement-service.log"), "Applied OrderPlaced ", " of order " + order);
        String placing = traceOf(recorded).orElseThrow(() -> new AssertionError("no trace id in " + recorded));
        assertThat(placing).isNotEqualTo(trace);
        assertThat(lines(logs.resolve("gateway.log"))).anySatisfy(line -> assertThat(line)
                .contains("trace=" + placing + " ").contains(" method=POST path=/api/orders status=201 "));
    }

    private static Optional<String> traceOf(String line) {
        Matcher matcher = CORRELATION.matcher(line);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The first line of the log containing every one of the parts, once it is written. */
    private static String awaitLine(Path log, String... parts) {
        String[] found = new String[1];
        await(log.getFileName() + " containing " + String.join(" … ", parts)).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    found[0] = lines(log).stream().filter(line -> List.of(parts).stream().allMatch(line::contains))
                            .findFirst().orElse(null);
                    return found[0] != null;
                });
        return found[0];
    }

    private static List<String> lines(Path log) {
        try {
            // Leniently: a line cut short while it is written is no reason to fail.
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
