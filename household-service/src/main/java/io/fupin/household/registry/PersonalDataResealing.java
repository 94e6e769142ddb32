package io.fupin.household.registry;

import io.fupin.household.registry.PersonalDataCipher.Field;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start-up, after {@link DataKeyCheck}, reseals every stored personal number that is not yet under the current
 * key and bound to its row: values from before key ids, and values under a key being rotated out. The blind index
 * moves to the current key with them. Each row is rewritten only if nobody changed it meanwhile, so several
 * instances starting together do the work once; when no row is left under an old key, that key can leave
 * {@code FUPIN_HOUSEHOLD_PREVIOUS_DATA_KEYS}.
 */
@Component
class PersonalDataResealing implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataResealing.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    PersonalDataResealing(JdbcClient jdbc, PersonalDataCipher cipher, DataKeyCheck checkedFirst) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    private record Row(UUID id, UUID householdId, String first, String second) {
    }

    @Override
    public void afterPropertiesSet() {
        int households = resealHouseholds();
        int changes = resealRequestedAccounts();
        if (households + changes > 0) {
            log.info("Resealed the personal data of {} households and {} account changes under the current key",
                    households, changes);
        }
    }

    int resealHouseholds() {
        String current = cipher.currentPrefix() + "%";
        int done = 0;
        String after = "";
        while (true) {
            List<Row> rows = jdbc.sql("""
                    SELECT id, identity_cipher, account_cipher FROM household
                    WHERE (identity_cipher NOT LIKE ? OR account_cipher NOT LIKE ?) AND id > ? ORDER BY id LIMIT ?""")
                    .params(current, current, after, BATCH)
                    .query((rs, n) -> new Row(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(1)),
                            rs.getString(2), rs.getString(3))).list();
            for (Row row : rows) {
                try {
                    String identity = cipher.open(row.householdId(), Field.IDENTITY, row.first());
                    String account = cipher.open(row.householdId(), Field.ACCOUNT, row.second());
                    done += jdbc.sql("""
                            UPDATE household SET identity_cipher = ?, account_cipher = ?, identity_index = ?
                            WHERE id = ? AND identity_cipher = ? AND account_cipher = ?""")
                            .params(cipher.seal(row.householdId(), Field.IDENTITY, identity),
                                    cipher.seal(row.householdId(), Field.ACCOUNT, account), cipher.index(identity),
                                    row.id().toString(), row.first(), row.second())
                            .update();
                } catch (UnreadablePersonalData e) {
                    log.warn("Left household {} as stored: {}", row.householdId(), e.getMessage());
                }
            }
            if (rows.size() < BATCH) {
                return done;
            }
            after = rows.getLast().id().toString();
        }
    }

    int resealRequestedAccounts() {
        String current = cipher.currentPrefix() + "%";
        int done = 0;
        String after = "";
        while (true) {
            List<Row> rows = jdbc.sql("""
                    SELECT id, household_id, account_cipher FROM household_account_change
                    WHERE account_cipher NOT LIKE ? AND id > ? ORDER BY id LIMIT ?""")
                    .params(current, after, BATCH)
                    .query((rs, n) -> new Row(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
                            rs.getString(3), null)).list();
            for (Row row : rows) {
                try {
                    String account = cipher.open(row.householdId(), Field.REQUESTED_ACCOUNT, row.first());
                    done += jdbc.sql("UPDATE household_account_change SET account_cipher = ? WHERE id = ? AND account_cipher = ?")
                            .params(cipher.seal(row.householdId(), Field.REQUESTED_ACCOUNT, account), row.id().toString(),
                                    row.first())
                            .update();
                } catch (UnreadablePersonalData e) {
                    log.warn("Left account change {} as stored: {}", row.id(), e.getMessage());
                }
            }
            if (rows.size() < BATCH) {
                return done;
            }
            after = rows.getLast().id().toString();
        }
    }
}
