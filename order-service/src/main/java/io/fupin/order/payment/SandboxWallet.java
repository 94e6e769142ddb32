package io.fupin.order.payment;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in sandbox wallet: it keeps its own books like a real provider, and when told that the buyer
 * paid it calls this service back asynchronously with a signed notification, retrying until acknowledged,
 * exactly as the real wallets do. Lets tests and the UI pay an order without any external system.
 */
@Component
class SandboxWallet implements PaymentProvider, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxWallet.class);
    private static final int ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final CallbackSignature signature;
    private final IdentitySignature identity;
    private final Environment environment;
    private final Duration maxAge;
    private final String callbackUrl;
    private final boolean enabled;
    private final ExecutorService notifier = Executors.newVirtualThreadPerTaskExecutor();

    SandboxWallet(JdbcClient jdbc, JsonMapper json, Clock clock, IdentitySignature identity, Environment environment,
            @Value("${fupin.payments.sandbox.secret}") String secret,
            @Value("${fupin.payments.callback-max-age:PT5M}") Duration maxAge,
            @Value("${fupin.payments.sandbox.callback-url:}") String callbackUrl,
            @Value("${fupin.payments.sandbox.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.signature = new CallbackSignature(secret);
        this.identity = identity;
        this.environment = environment;
        this.maxAge = maxAge;
        this.callbackUrl = callbackUrl;
        this.enabled = enabled;
    }

    @Override
    public String name() {
        return "SANDBOX";
    }

    @Override
    public Registration register(UUID paymentId, UUID orderId, long amountFen, String description) {
        String tradeNo = "SBX" + paymentId.toString().replace("-", "").substring(0, 20).toUpperCase(java.util.Locale.ROOT);
        jdbc.sql("INSERT IGNORE INTO sandbox_transaction (payment_id, trade_no, amount_fen, status, created_at) VALUES (?, ?, ?, 'CREATED', ?)")
                .params(paymentId.toString(), tradeNo, amountFen, Timestamp.from(clock.instant())).update();
        return new Registration(tradeNo, "/api/payments/" + paymentId + "/sandbox/pay");
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * The buyer "pays" in the sandbox: the wallet records it and notifies this service in the background.
     *
     * @param reportedAmountFen the amount the notification reports; defaults to the registered one (another
     *                          value simulates a tampered or faulty notification)
     * @return the notification that is being sent
     */
    Map<String, Object> pay(UUID paymentId, Optional<Long> reportedAmountFen) {
        Map<String, Object> tx = jdbc.sql("SELECT trade_no, amount_fen FROM sandbox_transaction WHERE payment_id = ?")
                .param(paymentId.toString()).query().singleRow();
        jdbc.sql("UPDATE sandbox_transaction SET status = 'PAID' WHERE payment_id = ? AND status = 'CREATED'")
                .param(paymentId.toString()).update();
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("notifyId", UUID.randomUUID().toString());
        notification.put("paymentId", paymentId.toString());
        notification.put("tradeNo", tx.get("trade_no"));
        notification.put("status", "SUCCESS");
        notification.put("amountFen", reportedAmountFen.orElse(((Number) tx.get("amount_fen")).longValue()));
        notification.put("paidAt", clock.instant().toString());
        byte[] body = json.writeValueAsString(notification).getBytes(StandardCharsets.UTF_8);
        notifier.submit(() -> send(body));
        return notification;
    }

    private void send(byte[] body) {
        String base = callbackUrl.isBlank() ? "http://127.0.0.1:" + environment.getProperty("local.server.port") : callbackUrl;
        RestClient http = RestClient.create(base);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            String nonce = UUID.randomUUID().toString().replace("-", "");
            try {
                int status = http.post().uri("/api/payments/callback")
                        // /api/* accepts only the gateway's signed identity; the wallet arrives as an anonymous caller.
                        .headers(h -> identity.headersFor(Caller.anonymous()).forEach(h::set))
                        .header(CallbackSignature.TIMESTAMP, timestamp)
                        .header(CallbackSignature.NONCE, nonce)
                        .header(CallbackSignature.SIGNATURE, signature.sign(timestamp, nonce, body))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body)
                        .exchange((req, res) -> res.getStatusCode().value());
                if (status < 500) {
                    // Acknowledged, or refused for good (a 4xx will not change by sending it again).
                    return;
                }
            } catch (RuntimeException e) {
                log.debug("Sandbox callback attempt {} failed: {}", attempt, e.getMessage());
            }
            try {
                Thread.sleep(200L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("The sandbox gave up notifying a payment after {} attempts", ATTEMPTS);
    }

    @Override
    public Notification verify(Map<String, String> headers, byte[] body) {
        String timestamp = headers.get(CallbackSignature.TIMESTAMP.toLowerCase(java.util.Locale.ROOT));
        String nonce = headers.get(CallbackSignature.NONCE.toLowerCase(java.util.Locale.ROOT));
        String sig = headers.get(CallbackSignature.SIGNATURE.toLowerCase(java.util.Locale.ROOT));
        if (timestamp == null || nonce == null || sig == null || body == null || body.length == 0) {
            throw new MalformedCallback("The callback lacks its signature headers or body.");
        }
        Instant stamped;
        try {
            stamped = Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            throw new MalformedCallback("The callback timestamp is malformed.");
        }
        if (!signature.matches(timestamp, nonce, body, sig)) {
            throw new BadSignature("The callback signature is not valid.");
        }
        if (Duration.between(stamped, clock.instant()).abs().compareTo(maxAge) > 0) {
            throw new BadSignature("The callback signature is stale.");
        }
        try {
            JsonNode n = json.readTree(body);
            return new Notification(text(n, "notifyId"), UUID.fromString(text(n, "paymentId")), text(n, "tradeNo"),
                    text(n, "status"), n.required("amountFen").asLong(), Instant.parse(text(n, "paidAt")));
        } catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new MalformedCallback("The callback body cannot be read.");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value.asString();
    }

    @Override
    public void refund(UUID paymentId, UUID refundId, long amountFen) {
        int changed = jdbc.sql("UPDATE sandbox_transaction SET status = IF(refunded_fen + ? >= amount_fen, 'REFUNDED', 'PARTLY_REFUNDED'), refunded_fen = refunded_fen + ? WHERE payment_id = ? AND refunded_fen + ? <= amount_fen")
                .params(amountFen, amountFen, paymentId.toString(), amountFen).update();
        if (changed == 0) {
            throw new IllegalStateException("The sandbox cannot refund " + amountFen + " fen of payment " + paymentId);
        }
    }

    @Override
    public void destroy() {
        notifier.shutdownNow();
    }
}
