package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.events.EventTablesAutoConfiguration;
import io.fupin.support.jdbc.UuidConversionsAutoConfiguration;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Payout-account changes on the real MariaDB; every test rolls back. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration({UuidConversionsAutoConfiguration.class, EventTablesAutoConfiguration.class})
@Import(AccountChanges.class)
@ActiveProfiles("test")
class AccountChangesTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    AccountChanges changes;
    @Autowired
    JdbcClient jdbc;

    UUID village;

    @BeforeEach
    void village() {
        // changes the integration tests left behind would share the pages; the test's transaction rolls this back
        jdbc.sql("DELETE FROM household_account_change").update();
        village = UUID.randomUUID();
        jdbc.sql("INSERT INTO place (id, kind, name, parent_id, parent_key, created_at) VALUES (?, 'VILLAGE', ?, NULL, ?, ?)")
                .params(village.toString(), "村" + village, village.toString(), Timestamp.from(NOW)).update();
    }

    @Test
    void pagesThePendingChangesOldestFirstInTheDatabase() {
        AccountChange second = changes.request(household(), "信用社", "c", "6210***0002", "official-1", NOW.plusSeconds(1));
        AccountChange first = changes.request(household(), "信用社", "c", "6210***0001", "official-1", NOW);
        AccountChange decided = changes.request(household(), "信用社", "c", "6210***0009", "official-1", NOW);
        AccountChange third = changes.request(household(), "信用社", "c", "6210***0003", "official-1", NOW.plusSeconds(2));
        changes.decide(decided.changeId(), "REJECTED", "official-2", NOW.plusSeconds(3));

        Page<AccountChange> one = changes.pending(new PageRequest(0, 2));
        Page<AccountChange> two = changes.pending(new PageRequest(1, 2));

        assertThat(one.items()).extracting(AccountChange::changeId).containsExactly(first.changeId(), second.changeId());
        assertThat(two.items()).extracting(AccountChange::changeId).containsExactly(third.changeId());
        assertThat(one.totalItems()).isEqualTo(3);
        assertThat(two.totalPages()).isEqualTo(2);
        assertThat(changes.pending(new PageRequest(2, 2)).items()).isEmpty();
    }

    private UUID household() {
        UUID household = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO household (id, registration_number, head_name, identity_cipher, identity_masked, identity_index,
                  mobile, members, category, village_id, income_projects, bank_name, account_cipher, account_masked,
                  annual_target_fen, status, registered_at, changed_at, version)
                VALUES (?, ?, '王小明', 'c', 'm', ?, '13800138000', 3, 'MARGINAL', ?, '', '信用社', 'c', 'm', 100000,
                  'ACTIVE', ?, ?, 1)""")
                .params(household.toString(), "R-" + household, household.toString().replace("-", "") + "0".repeat(32),
                        village.toString(), Timestamp.from(NOW), Timestamp.from(NOW)).update();
        return household;
    }
}
