package io.fupin.support.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under a ring of keys: the current key seals, every key on the ring opens. Each sealed value
 * names its key by a key id derived from the key itself (a key check value: an HMAC of a constant, so it
 * reveals nothing of the key), and is bound to associated data, typically the row and field it belongs to,
 * so a value copied to another row or field no longer opens. Keys rotate by making a new key current and
 * keeping the old one on the ring until nothing sealed under it is left.
 */
public final class KeyRing {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;

    private KeyRing(Map<String, SecretKeySpec> keys, String currentKeyId) {
        this.keys = keys;
        this.currentKeyId = currentKeyId;
    }

    /**
     * Builds the ring from settings, refusing to start with a message that names the variable at fault.
     *
     * @param currentVariable  the environment variable holding the current key, named in messages
     * @param current          base64 of 32 random bytes
     * @param previousVariable the variable listing keys that still open older values, named in messages
     * @param previous         comma-separated base64 keys, may be empty
     */
    public static KeyRing fromSettings(String currentVariable, String current, String previousVariable, String previous) {
        if (current == null || current.isBlank()) {
            throw new IllegalStateException(currentVariable + " is not set: it must be the base64 of 32 random bytes "
                    + "(openssl rand -base64 32)");
        }
        byte[] currentKey = decode(currentVariable, current);
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String currentId = keyId(currentKey);
        keys.put(currentId, new SecretKeySpec(currentKey, "AES"));
        if (previous != null) {
            for (String part : previous.split(",")) {
                if (!part.isBlank()) {
                    byte[] key = decode(previousVariable, part);
                    keys.putIfAbsent(keyId(key), new SecretKeySpec(key, "AES"));
                }
            }
        }
        return new KeyRing(keys, currentId);
    }

    private static byte[] decode(String variable, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(variable + " must hold the base64 of 32 random bytes (openssl rand -base64 32)");
        }
        return raw;
    }

    /**
     * A key for {@code purpose} derived from a secret the parties already share (base64 of HMAC-SHA256(secret,
     * purpose)): for a local stack that generates one secret, never in place of a configured production key.
     */
    public static String derivedKey(String sharedSecret, String purpose) {
        return Base64.getEncoder().encodeToString(hmac(sharedSecret.getBytes(StandardCharsets.UTF_8), purpose));
    }

    /** The key id of a raw key: 16 hex digits of HMAC-SHA256(key, "fupin-key-id"). */
    public static String keyId(byte[] rawKey) {
        return HexFormat.of().formatHex(Arrays.copyOf(hmac(rawKey, "fupin-key-id"), 8));
    }

    /** HMAC-SHA256 of {@code text} under a key derived from the current key for {@code purpose}. */
    public byte[] derivedMac(String purpose, String text) {
        return hmac(hmac(keys.get(currentKeyId).getEncoded(), purpose), text);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** The ids of every key on the ring, the current one first. */
    public List<String> keyIds() {
        return new ArrayList<>(keys.keySet());
    }

    public boolean holds(String keyId) {
        return keys.containsKey(keyId);
    }

    /** Seals under the current key with a fresh nonce, bound to {@code associatedData}. */
    public Sealed seal(String plain, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return new Sealed(currentKeyId, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /**
     * Opens a value sealed under any key on the ring.
     *
     * @param associatedData what it was bound to; {@code null} for values sealed without associated data
     * @throws UnreadableValue when the key is not on the ring, or the value or its associated data differ
     */
    public String open(Sealed sealed, String associatedData) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new UnreadableValue("sealed under key id " + sealed.keyId() + ", which is not configured");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.value());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            if (associatedData != null) {
                cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            }
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableValue("does not open under key id " + sealed.keyId() + ": wrong key, another row's value, "
                    + "or tampered");
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A sealed value and the id of the key that sealed it; stored as {@code <keyId>:<base64(nonce | ciphertext | tag)>}.
     */
    public record Sealed(String keyId, String value) {

        public String text() {
            return keyId + ":" + value;
        }

        /** Reads the stored form; a value without a key id (written before key ids existed) gets {@code null}. */
        public static Sealed parse(String text) {
            int colon = text.indexOf(':');
            return colon < 0 ? new Sealed(null, text) : new Sealed(text.substring(0, colon), text.substring(colon + 1));
        }

        @Override
        public String toString() {
            return "Sealed[" + keyId + "]";
        }
    }

    /** A value that cannot be opened with the keys configured. */
    public static class UnreadableValue extends RuntimeException {

        public UnreadableValue(String message) {
            super("An encrypted value " + message + ".");
        }
    }
}
