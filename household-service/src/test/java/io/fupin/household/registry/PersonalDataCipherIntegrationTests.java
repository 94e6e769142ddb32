package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import io.fupin.household.registry.PersonalDataCipher.Field;
import io.fupin.support.crypto.KeyRing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each stored personal number names its key and opens only for its own household and field; keys rotate. */
@IntegrationTest
class PersonalDataCipherIntegrationTests {

    static final String ACCOUNT = "6229960123456789012";

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;
    @Value("${fupin.household.data-key}")
    String key;

    @Test
    void storesEachValueUnderTheCurrentKeyIdBoundToItsHouseholdAndField() {
        UUID household = Fixtures.household(api, Fixtures.village(api).villageId());
        String stored = column(household, "account_cipher");

        String keyId = KeyRing.keyId(Base64.getDecoder().decode(key));
        assertThat(stored).startsWith(keyId + ":").doesNotContain(ACCOUNT);
        assertThat(cipher.open(household, Field.ACCOUNT, stored)).isEqualTo(ACCOUNT);
        assertThatThrownBy(() -> cipher.open(UUID.randomUUID(), Field.ACCOUNT, stored))
                .isInstanceOf(UnreadablePersonalData.class);
        assertThatThrownBy(() -> cipher.open(household, Field.IDENTITY, stored))
                .isInstanceOf(UnreadablePersonalData.class);
    }

    @Test
    void aValueCopiedToAnotherHouseholdIsAnsweredAsUnreadableNotAsTheOtherHouseholdsNumber() {
        UUID village = Fixtures.village(api).villageId();
        UUID first = Fixtures.household(api, village);
        UUID second = Fixtures.household(api, village);
        jdbc.sql("UPDATE household SET account_cipher = ? WHERE id = ?")
                .params(column(first, "account_cipher"), second.toString()).update();

        Api.Answer read = api.get(Api.OFFICIAL, "/api/households/{id}", second);

        assertThat(read.status()).as(read.text()).isEqualTo(500);
        assertThat(read.body().get("type").asString()).endsWith("/unreadable-personal-data");
        assertThat(read.body().get("detail").asString()).contains(second.toString()).contains("account");
        assertThat(read.text()).doesNotContain(ACCOUNT);
        assertThat(api.get(Api.OFFICIAL, "/api/households/{id}", first).status()).isEqualTo(200);
    }

    @Test
    void rotatingToANewKeyKeepsEveryRowReadableAndResealsOldAndUnboundValues() {
        UUID village = Fixtures.village(api).villageId();
        UUID sealed = Fixtures.household(api, village);
        Map<String, Object> form = Fixtures.householdForm(village, Fixtures.freshIdentityNumber());
        UUID unbound = Fixtures.household(api, form);
        // As stored before key ids: AES-GCM under the data key, without associated data or key id.
        jdbc.sql("UPDATE household SET identity_cipher = ?, account_cipher = ? WHERE id = ?")
                .params(unboundValue(key, (String) form.get("identityNumber")), unboundValue(key, ACCOUNT), unbound.toString())
                .update();
        String indexBefore = column(sealed, "identity_index");
        String newKey = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        PersonalDataCipher rotated = new PersonalDataCipher(newKey, key);
        try {
            assertThat(rotated.open(sealed, Field.ACCOUNT, column(sealed, "account_cipher"))).isEqualTo(ACCOUNT);
            assertThat(rotated.open(unbound, Field.ACCOUNT, column(unbound, "account_cipher"))).isEqualTo(ACCOUNT);

            new PersonalDataResealing(jdbc, rotated, new DataKeyCheck(jdbc, rotated)).afterPropertiesSet();

            String newKeyId = KeyRing.keyId(Base64.getDecoder().decode(newKey));
            for (UUID household : new UUID[] {sealed, unbound}) {
                assertThat(column(household, "account_cipher")).startsWith(newKeyId + ":");
                assertThat(column(household, "identity_cipher")).startsWith(newKeyId + ":");
                assertThat(rotated.open(household, Field.ACCOUNT, column(household, "account_cipher"))).isEqualTo(ACCOUNT);
            }
            assertThat(rotated.open(unbound, Field.IDENTITY, column(unbound, "identity_cipher")))
                    .isEqualTo(form.get("identityNumber"));
            assertThat(column(sealed, "identity_index")).as("the blind index moves to the new key").isNotEqualTo(indexBefore);
            assertThat(new PersonalDataCipher(newKey, "").open(sealed, Field.ACCOUNT, column(sealed, "account_cipher")))
                    .as("the old key is no longer needed").isEqualTo(ACCOUNT);
        } finally {
            // Back to the key the running service uses, by the same rotation.
            PersonalDataCipher back = new PersonalDataCipher(key, newKey);
            new PersonalDataResealing(jdbc, back, new DataKeyCheck(jdbc, back)).afterPropertiesSet();
        }
        assertThat(column(sealed, "identity_index")).isEqualTo(indexBefore);
        Api.Answer read = api.get(Api.OFFICIAL, "/api/households/{id}", unbound);
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.text()).contains(ACCOUNT);
    }

    private String column(UUID household, String column) {
        return jdbc.sql("SELECT " + column + " FROM household WHERE id = ?").param(household.toString())
                .query(String.class).single();
    }

    private static String unboundValue(String base64Key, String plain) {
        try {
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new GCMParameterSpec(128, nonce));
            byte[] sealed = aes.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
