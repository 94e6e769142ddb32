package io.fupin.support.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies a {@link Caller} as HMAC-SHA256 over its fields and a timestamp, so that a
 * service trusts identity headers only when they come from a holder of the shared secret and are fresh.
 * Pure Java: the reactive gateway and the servlet services use this same class.
 */
public final class IdentitySignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_BYTES = 32;

    private final byte[] secret;
    /** Keyed once; each signature works on a clone (a lookup of the algorithm and a keying cost more than the HMAC). */
    private final Mac keyed;
    private final Duration maxAge;
    private final Clock clock;

    public IdentitySignature(String secret, Duration maxAge, Clock clock) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The identity secret must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.keyed = newMac();
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The five identity headers for this caller, stamped now. */
    public Map<String, String> headersFor(Caller caller) {
        String timestamp = Long.toString(clock.millis());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IdentityHeaders.USER_ID, caller.userId());
        headers.put(IdentityHeaders.ROLES, caller.rolesAsHeader());
        if (caller.sellerId() != null) {
            headers.put(IdentityHeaders.SELLER_ID, caller.sellerId().toString());
        }
        headers.put(IdentityHeaders.TIMESTAMP, timestamp);
        headers.put(IdentityHeaders.SIGNATURE, sign(caller.userId(), caller.rolesAsHeader(), sellerIdText(caller), timestamp));
        return headers;
    }

    /**
     * Reads and checks the identity headers.
     *
     * @param header looks up one request header by name, {@code null} when absent
     * @throws UntrustedIdentity when headers are missing, malformed, wrongly signed or stale
     */
    public Caller verify(Function<String, String> header) {
        String userId = header.apply(IdentityHeaders.USER_ID);
        String roles = nullToEmpty(header.apply(IdentityHeaders.ROLES));
        String sellerId = nullToEmpty(header.apply(IdentityHeaders.SELLER_ID));
        String timestamp = header.apply(IdentityHeaders.TIMESTAMP);
        String signature = header.apply(IdentityHeaders.SIGNATURE);
        if (userId == null || timestamp == null || signature == null) {
            throw new UntrustedIdentity("The request carries no signed identity; call through the gateway.");
        }
        String expected = sign(userId, roles, sellerId, timestamp);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new UntrustedIdentity("The identity signature is not valid.");
        }
        Instant stamped;
        try {
            stamped = Instant.ofEpochMilli(Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            throw new UntrustedIdentity("The identity timestamp is malformed.");
        }
        Duration age = Duration.between(stamped, clock.instant()).abs();
        if (age.compareTo(maxAge) > 0) {
            throw new UntrustedIdentity("The identity signature is stale.");
        }
        try {
            UUID seller = sellerId.isEmpty() ? null : UUID.fromString(sellerId);
            return new Caller(userId, Caller.rolesFromHeader(roles), seller);
        } catch (IllegalArgumentException e) {
            throw new UntrustedIdentity("The identity headers are malformed.");
        }
    }

    private String sign(String userId, String roles, String sellerId, String timestamp) {
        String canonical = String.join("\n", "fupin-identity-v1", userId, roles, sellerId, timestamp);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac().doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac() {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            return newMac();
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static String sellerIdText(Caller caller) {
        return caller.sellerId() == null ? "" : caller.sellerId().toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The identity headers cannot be trusted (answered 401). */
    public static final class UntrustedIdentity extends RuntimeException {
        public UntrustedIdentity(String message) {
            super(message);
        }
    }
}
