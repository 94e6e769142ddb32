package io.fupin.household;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A village and its households written straight to the register's tables, for repository tests that point at them. */
public final class RegisterRows {

    private RegisterRows() {
    }

    public static UUID village(JdbcClient jdbc, Instant at) {
        UUID village = UUID.randomUUID();
        jdbc.sql("INSERT INTO place (id, kind, name, parent_id, parent_key, created_at) VALUES (?, 'VILLAGE', ?, NULL, ?, ?)")
                .params(village.toString(), "村" + village, village.toString(), Timestamp.from(at)).update();
        return village;
    }

    /** An active marginal household of the village, registered at the given time. */
    public static UUID household(JdbcClient jdbc, UUID village, Instant at) {
        UUID household = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO household (id, registration_number, head_name, identity_cipher, identity_masked, identity_index,
                  mobile, members, category, village_id, income_projects, bank_name, account_cipher, account_masked,
                  annual_target_fen, status, registered_at, changed_at, version)
                VALUES (?, ?, '王小明', 'c', 'm', ?, '13800138000', 3, 'MARGINAL', ?, '', '信用社', 'c', 'm', 100000,
                  'ACTIVE', ?, ?, 1)""")
                .params(household.toString(), "R-" + household, household.toString().replace("-", "") + "0".repeat(32),
                        village.toString(), Timestamp.from(at), Timestamp.from(at)).update();
        return household;
    }
}
