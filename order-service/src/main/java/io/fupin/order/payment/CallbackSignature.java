package io.fupin.order.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over {@code timestamp \n nonce \n body \n}, as WeChat Pay v3 lays out its notification
 * signatures: the timestamp bounds replays, the nonce makes equal bodies sign differently.
 */
final class CallbackSignature {

    static final String TIMESTAMP = "Pay-Timestamp";
    static final String NONCE = "Pay-Nonce";
    static final String SIGNATURE = "Pay-Signature";

    private final byte[] secret;

    CallbackSignature(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("The payment callback secret must be at least 32 bytes long");
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
}
