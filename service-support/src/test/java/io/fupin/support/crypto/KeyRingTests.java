package io.fupin.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.support.crypto.KeyRing.Sealed;
import io.fupin.support.crypto.KeyRing.UnreadableValue;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyRingTests {

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void opensOnlyWithTheAssociatedDataItWasSealedWith() {
        KeyRing ring = KeyRing.fromSettings("K", newKey(), "P", "");
        Sealed sealed = ring.seal("6229960123456789012", "household-a/account");

        assertThat(ring.open(sealed, "household-a/account")).isEqualTo("6229960123456789012");
        assertThat(sealed.value()).doesNotContain("6229960123456789012");
        assertThatThrownBy(() -> ring.open(sealed, "household-b/account")).isInstanceOf(UnreadableValue.class);
        assertThatThrownBy(() -> ring.open(sealed, "household-a/identity")).isInstanceOf(UnreadableValue.class);
    }

    @Test
    void namesTheKeyOfEachValueAndOpensOldValuesAfterRotation() {
        String oldKey = newKey();
        KeyRing before = KeyRing.fromSettings("K", oldKey, "P", "");
        Sealed old = before.seal("secret", "row-1");
        KeyRing after = KeyRing.fromSettings("K", newKey(), "P", oldKey);
        Sealed fresh = after.seal("secret", "row-1");

        assertThat(old.keyId()).isEqualTo(before.currentKeyId()).hasSize(16);
        assertThat(fresh.keyId()).isEqualTo(after.currentKeyId()).isNotEqualTo(old.keyId());
        assertThat(after.open(old, "row-1")).isEqualTo("secret");
        assertThat(after.open(Sealed.parse(fresh.text()), "row-1")).isEqualTo("secret");
        assertThat(after.keyIds()).containsExactly(after.currentKeyId(), before.currentKeyId());
        assertThatThrownBy(() -> before.open(fresh, "row-1")).isInstanceOf(UnreadableValue.class)
                .hasMessageContaining(fresh.keyId());
    }

    @Test
    void refusesMissingOrMalformedKeysNamingTheVariable() {
        assertThatThrownBy(() -> KeyRing.fromSettings("FUPIN_X_KEY", "", "P", "")).hasMessageContaining("FUPIN_X_KEY");
        assertThatThrownBy(() -> KeyRing.fromSettings("FUPIN_X_KEY", "not base64!", "P", ""))
                .hasMessageContaining("FUPIN_X_KEY");
        assertThatThrownBy(() -> KeyRing.fromSettings("K", newKey(), "FUPIN_OLD_KEYS", "c2hvcnQ="))
                .hasMessageContaining("FUPIN_OLD_KEYS");
    }

    @Test
    void derivesTheSameKeyFromTheSameSharedSecretOnBothSides() {
        KeyRing household = KeyRing.fromSettings("K", KeyRing.derivedKey("shared-identity-secret", "purpose-a"), "P", "");
        KeyRing settlement = KeyRing.fromSettings("K", KeyRing.derivedKey("shared-identity-secret", "purpose-a"), "P", "");
        KeyRing other = KeyRing.fromSettings("K", KeyRing.derivedKey("shared-identity-secret", "purpose-b"), "P", "");

        assertThat(settlement.open(household.seal("6222021234567891234", "h1"), "h1")).isEqualTo("6222021234567891234");
        assertThat(other.currentKeyId()).isNotEqualTo(household.currentKeyId());
    }
}
