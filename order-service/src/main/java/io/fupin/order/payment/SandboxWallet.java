package io.fupin.order.payment;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in sandbox wallet: it keeps its own books like a real provider, and when told that the buyer
 * paid it calls this service back asynchronously with a signed notification, retrying until acknowledged,
 * exactly as the real wallets do. It answers status queries and produces a daily statement from its books.
 * It exists only in the {@code local} and {@code test} profiles: anyone who can reach its pay endpoint can
 * "pay" an order with it.
 */
@Component
@Profile({"local", "test"})
class SandboxWallet implements PaymentProvider, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxWallet.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int ATTEMPTS = 5;
    /** Notifications are sent again after 0.4, 0.8, 1.6 and 3.2 s, as a provider does, then left to the status poll. */
    private static final RetryTemplate NOTIFY_RETRIES = new RetryTemplate(RetryPolicy.builder()
            .maxRetries(ATTEMPTS - 1).delay(Duration.ofMillis(400)).multiplier(2).build());

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final CallbackSignature signature;
    private final IdentitySignature identity;
    private final Environment environment;
    private final Duration maxAge;
    private final String callbackUrl;
    private final boolean enabled;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;
    private final ExecutorService notifier = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean refundsFailing;

    SandboxWallet(JdbcClient jdbc, JsonMapper json, Clock clock, IdentitySignature identity, Environment environment,
            @Value("${fupin.payments.sandbox.secret}") String secret,
            @Value("${fupin.payments.callback-max-age:PT5M}") Duration maxAge,
            @Value("${fupin.payments.sandbox.callback-url:}") String callbackUrl,
            @Value("${fupin.payments.sandbox.enabled:true}") boolean enabled, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.signature = new CallbackSignature(secret, "PAYMENT_SANDBOX_SECRET");
        this.identity = identity;
        this.environment = environment;
        this.maxAge = maxAge;
        this.callbackUrl = callbackUrl;
        this.enabled = enabled;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public String name() {
        return "SANDBOX";
    }

    @Override
    public Registration register(UUID paymentId, UUID orderId, long amountFen, String description) {
        String tradeNo = "SBX" + paymentId.toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
        jdbc.sql("INSERT IGNORE INTO sandbox_transaction (payment_id, trade_no, amount_fen, status, created_at) VALUES (?, ?, ?, 'CREATED', ?)")
                .params(paymentId.toString(), tradeNo, amountFen, Timestamp.from(clock.instant())).update();
        return new Registration(tradeNo, payUrl(paymentId).orElse(null));
    }

    @Override
    public Optional<String> payUrl(UUID paymentId) {
        return enabled ? Optional.of("/api/payments/" + paymentId + "/sandbox/pay") : Optional.empty();
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
        jdbc.sql("UPDATE sandbox_transaction SET status = 'PAID', paid_at = ? WHERE payment_id = ? AND status = 'CREATED'")
                .params(Timestamp.from(clock.instant()), paymentId.toString()).update();
        Map<String, Object> tx = jdbc.sql("SELECT trade_no, amount_fen, status, paid_at FROM sandbox_transaction WHERE payment_id = ?")
                .param(paymentId.toString()).query().singleRow();
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("notifyId", UUID.randomUUID().toString());
        notification.put("paymentId", paymentId.toString());
        notification.put("tradeNo", tx.get("trade_no"));
        notification.put("status", "CLOSED".equals(tx.get("status")) ? Notification.CLOSED : Notification.SUCCESS);
        notification.put("amountFen", reportedAmountFen.orElse(((Number) tx.get("amount_fen")).longValue()));
        notification.put("paidAt", tx.get("paid_at") == null ? null : ((Timestamp) tx.get("paid_at")).toInstant().toString());
        byte[] body = json.writeValueAsString(notification).getBytes(StandardCharsets.UTF_8);
        Map<String, String> trace = currentTrace();
        notifier.submit(() -> send(body, trace));
        return notification;
    }

    /**
     * The W3C trace headers of the buyer's pay request. The notification carries them, so that the payment it
     * records, and the events and postings that follow, stay in the trace the gateway's access log shows for the
     * request (a real provider's callback comes through the gateway in a trace of its own).
     */
    private Map<String, String> currentTrace() {
        Tracer current = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null || propagation == null) {
            return Map.of();
        }
        Map<String, String> headers = new HashMap<>();
        propagation.inject(span.context(), headers, (carrier, key, value) -> carrier.put(key, value));
        return Map.copyOf(headers);
    }

    /** Sends the notification, again while the callback fails; runs on the notifier, or in a test. */
    void send(byte[] body, Map<String, String> trace) {
        String base = callbackUrl.isBlank() ? "http://127.0.0.1:" + environment.getProperty("local.server.port") : callbackUrl;
        // The JDK's client whatever else is on the class path: Apache's would itself send a POST again on a 503.
        RestClient http = RestClient.builder().baseUrl(base).requestFactory(new JdkClientHttpRequestFactory()).build();
        try {
            NOTIFY_RETRIES.execute(() -> notifyOnce(http, body, trace));
        } catch (RetryException e) {
            log.warn("The sandbox gave up notifying a payment after {} attempts ({}); the status poll finds it",
                    ATTEMPTS, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
    }

    /** One signed notification; a 5xx or no answer is worth sending again, a 4xx will not change by it. */
    private int notifyOnce(RestClient http, byte[] body, Map<String, String> trace) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        int status = http.post().uri("/api/payments/callback")
                // /api/* accepts only the gateway's signed identity; the wallet arrives as an anonymous caller.
                .headers(h -> identity.headersFor(Caller.anonymous()).forEach(h::set))
                .headers(h -> trace.forEach(h::set))
                .header(CallbackSignature.TIMESTAMP, timestamp)
                .header(CallbackSignature.NONCE, nonce)
                .header(CallbackSignature.SIGNATURE, signature.sign(timestamp, nonce, body))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((req, res) -> res.getStatusCode().value());
        if (status >= 500) {
            throw new IllegalStateException("the callback answered " + status);
        }
        return status;
    }

    @Override
    public Notification verify(Map<String, String> headers, byte[] body) {
        return signature.verify(headers, body, clock, maxAge, json);
    }

    @Override
    public Notification query(UUID paymentId) {
        return jdbc.sql("SELECT trade_no, amount_fen, status, paid_at FROM sandbox_transaction WHERE payment_id = ?")
                .param(paymentId.toString())
                .query((rs, i) -> {
                    String status = rs.getString(3);
                    Timestamp paidAt = rs.getTimestamp(4);
                    return new Notification("query-" + UUID.randomUUID(), paymentId, rs.getString(1),
                            switch (status) {
                                case "CREATED" -> Notification.NOT_PAID;
                                case "CLOSED" -> Notification.CLOSED;
                                default -> Notification.SUCCESS;
                            }, rs.getLong(2), paidAt == null ? null : paidAt.toInstant());
                })
                .optional()
                .orElseGet(() -> new Notification("query-" + UUID.randomUUID(), paymentId, null, Notification.CLOSED, 0, null));
    }

    @Override
    public Notification close(UUID paymentId) {
        jdbc.sql("UPDATE sandbox_transaction SET status = 'CLOSED' WHERE payment_id = ? AND status = 'CREATED'")
                .param(paymentId.toString()).update();
        return query(paymentId);
    }

    /** Idempotent by refund id, as the real wallets' refund calls are (their out_refund_no). */
    @Override
    @Transactional
    public void refund(UUID paymentId, UUID refundId, long amountFen) {
        if (refundsFailing) {
            throw new ProviderUnavailable("The sandbox refuses refunds for now", null);
        }
        try {
            jdbc.sql("INSERT INTO sandbox_refund (refund_id, payment_id, amount_fen, refunded_at) VALUES (?, ?, ?, ?)")
                    .params(refundId.toString(), paymentId.toString(), amountFen, Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException alreadyRefunded) {
            return;
        }
        int changed = jdbc.sql("UPDATE sandbox_transaction SET status = IF(refunded_fen + ? >= amount_fen, 'REFUNDED', 'PARTLY_REFUNDED'), refunded_fen = refunded_fen + ? WHERE payment_id = ? AND status <> 'CREATED' AND status <> 'CLOSED' AND refunded_fen + ? <= amount_fen")
                .params(amountFen, amountFen, paymentId.toString(), amountFen).update();
        if (changed == 0) {
            throw new IllegalStateException("The sandbox cannot refund " + amountFen + " fen of payment " + paymentId);
        }
    }

    @Override
    public List<StatementEntry> statement(LocalDate day) {
        return jdbc.sql("SELECT payment_id, trade_no, amount_fen, refunded_fen, paid_at FROM sandbox_transaction WHERE paid_at >= ? AND paid_at < ? ORDER BY paid_at, payment_id")
                .params(Timestamp.from(day.atStartOfDay(CHINA).toInstant()),
                        Timestamp.from(day.plusDays(1).atStartOfDay(CHINA).toInstant()))
                .query((rs, i) -> new StatementEntry(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Makes the sandbox refuse refunds, as a provider outage would, until told otherwise. */
    void refundsFailing(boolean failing) {
        this.refundsFailing = failing;
    }

    @Override
    public void destroy() {
        notifier.shutdownNow();
    }
}
