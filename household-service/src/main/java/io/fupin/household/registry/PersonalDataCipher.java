package io.fupin.household.registry;

import io.fupin.support.crypto.KeyRing;
import io.fupin.support.crypto.KeyRing.Sealed;
import io.fupin.support.crypto.KeyRing.UnreadableValue;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for identity and account numbers at rest, through a {@link KeyRing}: each value is stored as
 * {@code <keyId>:<base64(nonce | ciphertext | tag)>} and bound (associated data) to its household and field, so a
 * value copied to another row or field does not open, and keys rotate by making a new one current while the old
 * one stays in {@code FUPIN_HOUSEHOLD_PREVIOUS_DATA_KEYS} until {@link PersonalDataResealing} has moved every row
 * over. Values written before key ids (no key id, no associated data) still open and are resealed at start-up.
 * An HMAC-SHA256 blind index under a key derived from the current data key finds duplicates without decrypting.
 */
@Component
public class PersonalDataCipher {

    static final String KEY_VARIABLE = "FUPIN_HOUSEHOLD_DATA_KEY (fupin.household.data-key)";
    static final String PREVIOUS_KEYS_VARIABLE = "FUPIN_HOUSEHOLD_PREVIOUS_DATA_KEYS (fupin.household.previous-data-keys)";
    private static final String INDEX_PURPOSE = "fupin-household-index";

    /** What a sealed value is: the associated data names it, so one field's value never opens as another's. */
    enum Field {
        IDENTITY("identity"), ACCOUNT("account"), REQUESTED_ACCOUNT("requested-account");

        private final String column;

        Field(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    private final KeyRing keys;

    PersonalDataCipher(@Value("${fupin.household.data-key:}") String currentKey,
            @Value("${fupin.household.previous-data-keys:}") String previousKeys) {
        this.keys = KeyRing.fromSettings(KEY_VARIABLE, currentKey, PREVIOUS_KEYS_VARIABLE, previousKeys);
    }

    /** Seals a household's value under the current key, bound to the household and the field. */
    String seal(UUID householdId, Field field, String plain) {
        return keys.seal(plain, associatedData(householdId, field)).text();
    }

    /**
     * Opens a household's value, sealed under any key on the ring (or written before key ids existed).
     *
     * @throws UnreadablePersonalData when no configured key opens it for this household and field
     */
    String open(UUID householdId, Field field, String stored) {
        Sealed sealed = Sealed.parse(stored);
        try {
            if (sealed.keyId() != null) {
                return keys.open(sealed, associatedData(householdId, field));
            }
            return openUnbound(sealed.value());
        } catch (UnreadableValue e) {
            throw new UnreadablePersonalData(householdId, field, e);
        }
    }

    /** Whether a key with this id is configured (current or previous). */
    boolean holdsKey(String keyId) {
        return keys.holds(keyId);
    }

    /** How every value sealed under the current key begins. */
    String currentPrefix() {
        return keys.currentKeyId() + ":";
    }

    String index(String plain) {
        return HexFormat.of().formatHex(keys.derivedMac(INDEX_PURPOSE, plain));
    }

    /** A value from before key ids: sealed without associated data under one of the ring's keys. */
    private String openUnbound(String value) {
        UnreadableValue last = null;
        for (String keyId : keys.keyIds()) {
            try {
                return keys.open(new Sealed(keyId, value), null);
            } catch (UnreadableValue e) {
                last = e;
            }
        }
        throw last;
    }

    private static String associatedData(UUID householdId, Field field) {
        return "household/" + householdId + "/" + field.column;
    }
}
