package io.fupin.order.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HMAC-SHA256 over {@code timestamp \n nonce \n body \n}, as WeChat Pay v3 lays out its notification
 * signatures: the timestamp bounds replays, the nonce makes equal bodies sign differently (and a nonce seen
 * before marks a replay).
 */
final class CallbackSignature {

    static final String TIMESTAMP = "Pay-Timestamp";
    static final String NONCE = "Pay-Nonce";
    static final String SIGNATURE = "Pay-Signature";

    private final byte[] secret;

    /** @param variable the setting the secret comes from, named when it is unusable */
    CallbackSignature(String secret, String variable) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException(variable + " must be set to a secret of at least 32 bytes");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String sign(String timestamp, String nonce, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            mac.update((byte) '\n');
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    boolean matches(String timestamp, String nonce, byte[] body, String signature) {
        return MessageDigest.isEqual(sign(timestamp, nonce, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The nonce of a callback, by lower-case header name; {@code null} when absent. */
    static String nonceOf(Map<String, String> headers) {
        return headers.get(NONCE.toLowerCase(Locale.ROOT));
    }

    /**
     * Checks a signed notification and reads it.
     *
     * @throws BadSignature     without signature headers, with a wrong signature or a stale one
     * @throws MalformedCallback when the signed body cannot be read
     */
    PaymentProvider.Notification verify(Map<String, String> headers, byte[] body, Clock clock, Duration maxAge,
            JsonMapper json) {
        String timestamp = headers.get(TIMESTAMP.toLowerCase(Locale.ROOT));
        String nonce = nonceOf(headers);
        String sig = headers.get(SIGNATURE.toLowerCase(Locale.ROOT));
        if (timestamp == null || nonce == null || sig == null || body == null) {
            throw new BadSignature("The callback is not signed.");
        }
        if (!matches(timestamp, nonce, body, sig)) {
            throw new BadSignature("The callback signature is not valid.");
        }
        Instant stamped;
        try {
            stamped = Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            throw new BadSignature("The callback timestamp is malformed.");
        }
        if (Duration.between(stamped, clock.instant()).abs().compareTo(maxAge) > 0) {
            throw new BadSignature("The callback signature is stale.");
        }
        return read(body, json);
    }

    static PaymentProvider.Notification read(byte[] body, JsonMapper json) {
        try {
            JsonNode n = json.readTree(body);
            JsonNode paidAt = n.get("paidAt");
            return new PaymentProvider.Notification(text(n, "notifyId"), UUID.fromString(text(n, "paymentId")),
                    text(n, "tradeNo"), text(n, "status"), n.required("amountFen").asLong(),
                    paidAt == null || paidAt.isNull() ? null : Instant.parse(paidAt.asString()));
        } catch (JacksonException | IllegalArgumentException | DateTimeParseException e) {
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
}
