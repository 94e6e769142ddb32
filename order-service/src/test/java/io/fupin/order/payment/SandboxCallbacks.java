package io.fupin.order.payment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Signs a callback body as the sandbox provider does, with a fresh nonce, for tests outside this package. */
public final class SandboxCallbacks {

    private SandboxCallbacks() {
    }

    /** The provider's signature headers for {@code body}, stamped now. */
    public static Map<String, String> signatureHeaders(String secret, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        String signature = new CallbackSignature(secret, "PAYMENT_SANDBOX_SECRET")
                .sign(timestamp, nonce, body.getBytes(StandardCharsets.UTF_8));
        return Map.of(CallbackSignature.TIMESTAMP, timestamp, CallbackSignature.NONCE, nonce,
                CallbackSignature.SIGNATURE, signature);
    }
}
