package io.fupin.order.payment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider (an acquirer or a wallet's merchant API) reached over HTTPS that signs both ways with the
 * merchant's HMAC-SHA256 key, in the layout the sandbox imitates: every request this service sends carries
 * {@code Pay-Merchant}, {@code Pay-Timestamp}, {@code Pay-Nonce} and {@code Pay-Signature} over its body (the
 * path for a GET), and the provider's callbacks are verified the same way. The provider answers
 * {@code POST /v1/payments}, {@code GET /v1/payments/{id}}, {@code POST /v1/payments/{id}/close},
 * {@code POST /v1/refunds} (idempotent by refund id) and {@code GET /v1/statements/{yyyy-MM-dd}}.
 */
final class SignedHttpProvider implements PaymentProvider {

    private final String name;
    private final String merchantId;
    private final CallbackSignature signature;
    private final RestClient http;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration maxAge;

    SignedHttpProvider(String name, String baseUrl, String merchantId, CallbackSignature signature, JsonMapper json,
            Clock clock, Duration maxAge) {
        this.name = name;
        this.merchantId = merchantId;
        this.signature = signature;
        this.http = RestClient.builder().baseUrl(baseUrl).build();
        this.json = json;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Registration register(UUID paymentId, UUID orderId, long amountFen, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paymentId", paymentId.toString());
        body.put("orderId", orderId.toString());
        body.put("amountFen", amountFen);
        body.put("description", description);
        JsonNode answer = call("POST", "/v1/payments", body);
        return new Registration(answer.get("tradeNo").asString(), answer.path("payUrl").asString(null));
    }

    @Override
    public Notification verify(Map<String, String> headers, byte[] body) {
        return signature.verify(headers, body, clock, maxAge, json);
    }

    @Override
    public Notification query(UUID paymentId) {
        return CallbackSignature.read(json.writeValueAsBytes(call("GET", "/v1/payments/" + paymentId, null)), json);
    }

    @Override
    public Notification close(UUID paymentId) {
        return CallbackSignature.read(json.writeValueAsBytes(call("POST", "/v1/payments/" + paymentId + "/close", Map.of())), json);
    }

    @Override
    public void refund(UUID paymentId, UUID refundId, long amountFen) {
        call("POST", "/v1/refunds", Map.of("paymentId", paymentId.toString(), "refundId", refundId.toString(),
                "amountFen", amountFen));
    }

    @Override
    public List<StatementEntry> statement(LocalDate day) {
        List<StatementEntry> entries = new ArrayList<>();
        for (JsonNode e : call("GET", "/v1/statements/" + day, null).path("entries")) {
            entries.add(new StatementEntry(UUID.fromString(e.get("paymentId").asString()), e.get("tradeNo").asString(),
                    e.get("amountFen").asLong(), e.path("refundedFen").asLong(0), Instant.parse(e.get("paidAt").asString())));
        }
        return entries;
    }

    private JsonNode call(String method, String path, Object body) {
        byte[] bytes = body == null ? path.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        try {
            RestClient.RequestBodySpec request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                    .header("Pay-Merchant", merchantId)
                    .header(CallbackSignature.TIMESTAMP, timestamp)
                    .header(CallbackSignature.NONCE, nonce)
                    .header(CallbackSignature.SIGNATURE, signature.sign(timestamp, nonce, bytes))
                    .accept(MediaType.APPLICATION_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(bytes);
            }
            String answer = request.retrieve().body(String.class);
            return json.readTree(answer == null || answer.isBlank() ? "{}" : answer);
        } catch (RestClientException e) {
            throw new ProviderUnavailable(name + " " + method + " " + path + " failed: " + e.getMessage(), e);
        }
    }
}
