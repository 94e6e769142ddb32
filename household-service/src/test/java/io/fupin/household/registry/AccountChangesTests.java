package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.RegisterRows;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.fupin.support.testing.RepositorySlice;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Payout-account changes on the real MariaDB; every test rolls back. */
@RepositorySlice
@Import(AccountChanges.class)
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
        village = RegisterRows.village(jdbc, NOW);
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

    private HouseholdId household() {
        return new HouseholdId(RegisterRows.household(jdbc, village, NOW));
    }
}
