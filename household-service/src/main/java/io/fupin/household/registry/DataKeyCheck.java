package io.fupin.household.registry;

import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the configured data key does not open the personal numbers already stored: a service
 * that started would answer every read of a household with an error. The message names the variable to fix.
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
        // The oldest and the newest household: one key encrypts them all.
        List<String> samples = jdbc.sql("""
                (SELECT account_cipher FROM household ORDER BY registered_at, id LIMIT 1)
                UNION ALL (SELECT account_cipher FROM household ORDER BY registered_at DESC, id DESC LIMIT 1)""")
                .query(String.class).list();
        for (String sample : samples) {
            try {
                cipher.decrypt(sample);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("FUPIN_HOUSEHOLD_DATA_KEY (fupin.household.data-key) does not open the "
                        + "personal data already stored in the household database: it is not the key they were "
                        + "encrypted with. Start household-service with that key (deploy/local keeps it in the "
                        + "machine's stack state); a new key would leave every stored identity and account number "
                        + "unreadable.", e);
            }
        }
    }
}
