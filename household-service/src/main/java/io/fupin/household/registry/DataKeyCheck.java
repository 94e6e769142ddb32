package io.fupin.household.registry;

import io.fupin.household.registry.PersonalDataCipher.Field;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the configured data keys do not open the personal numbers already stored: a service
 * that started would answer every read of a household with an error. The message names the variables to fix.
 */
@Component
class DataKeyCheck implements InitializingBean {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    DataKeyCheck(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> keyIds = jdbc.sql("""
                SELECT DISTINCT SUBSTRING_INDEX(account_cipher, ':', 1) FROM household WHERE account_cipher LIKE '%:%'""")
                .query(String.class).list();
        for (String keyId : keyIds) {
            if (!cipher.holdsKey(keyId)) {
                throw refused("values sealed under key id " + keyId + ", which is not configured", null);
            }
        }
        // The oldest and the newest household open (values from before key ids name no key): one row changed by
        // hand does not stop the service, a wrong key does.
        List<UUID> samples = jdbc.sql("""
                (SELECT id FROM household ORDER BY registered_at, id LIMIT 1)
                UNION ALL (SELECT id FROM household ORDER BY registered_at DESC, id DESC LIMIT 1)""")
                .query((rs, n) -> UUID.fromString(rs.getString(1))).list();
        UnreadablePersonalData unreadable = null;
        for (UUID household : samples) {
            String stored = jdbc.sql("SELECT account_cipher FROM household WHERE id = ?")
                    .param(household.toString()).query(String.class).single();
            try {
                cipher.open(household, Field.ACCOUNT, stored);
                return;
            } catch (UnreadablePersonalData e) {
                unreadable = e;
            }
        }
        if (unreadable != null) {
            throw refused("the oldest and the newest household", unreadable);
        }
    }

    private static IllegalStateException refused(String what, RuntimeException cause) {
        return new IllegalStateException(PersonalDataCipher.KEY_VARIABLE + " does not open the personal data "
                + "already stored in the household database (" + what + "): it is not the key they were encrypted "
                + "with, and " + PersonalDataCipher.PREVIOUS_KEYS_VARIABLE + " does not hold it either. Start "
                + "household-service with that key (deploy/local keeps it in the machine's stack state), or, to "
                + "rotate, give the new key as the current one and the old one among the previous keys; a key left "
                + "out would leave stored identity and account numbers unreadable.", cause);
    }
}
