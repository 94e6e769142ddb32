package io.fupin.household.income;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.RegisterRows;
import io.fupin.support.testing.RepositorySlice;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The households of a place as the year's income puts them, paged on the real MariaDB; every test rolls back. */
@RepositorySlice
class IncomeEntriesTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant FROM = LocalDate.of(2025, 1, 1).atStartOfDay(IncomeProgress.CHINA).toInstant();
    private static final Instant UNTIL = LocalDate.of(2026, 1, 1).atStartOfDay(IncomeProgress.CHINA).toInstant();
    /** Half the year gone by: a household's target is 1,000 yuan, so 500 yuan is on track. */
    private static final int ELAPSED = 182;

    @Autowired
    IncomeEntries ledger;
    @Autowired
    JdbcClient jdbc;

    UUID district;
    UUID town;
    UUID village;
    UUID reached;
    UUID onTrack;
    UUID behind;
    UUID nothing;
    UUID elsewhere;

    @BeforeEach
    void households() {
        district = place("DISTRICT", null);
        town = place("TOWN", district);
        village = place("VILLAGE", town);
        reached = household(village, 100_000);
        onTrack = household(village, 60_000);
        behind = household(village, 10_000);
        // paid the year before: counts for nothing this year
        paid(behind, 200_000, FROM.minusSeconds(1));
        nothing = household(village, 0);
        UUID left = household(village, 100_000);
        jdbc.sql("UPDATE household SET status = 'DEREGISTERED' WHERE id = ?").param(left.toString()).update();
        elsewhere = household(place("VILLAGE", place("TOWN", district)), 100_000);
    }

    @Test
    void pagesTheHouseholdsOfAPlaceByRegistrationNumberWithoutThoseWhoLeft() {
        List<UUID> inTown = byRegistration(reached, onTrack, behind, nothing);

        assertThat(page(town, null, 3, 0)).containsExactlyElementsOf(inTown.subList(0, 3));
        assertThat(page(town, null, 3, 3)).containsExactly(inTown.get(3));
        assertThat(count(town, null)).isEqualTo(4);
        assertThat(page(village, null, 10, 0)).containsExactlyElementsOf(inTown);
        assertThat(count(district, null)).isEqualTo(5);
        assertThat(page(district, null, 10, 0)).contains(elsewhere);
        assertThat(count(UUID.randomUUID(), null)).isZero();
    }

    @Test
    void filtersByTheStatusTheYearsIncomeGivesInTheDatabase() {
        assertThat(page(town, ProgressStatus.REACHED, 10, 0)).containsExactly(reached);
        assertThat(page(town, ProgressStatus.ON_TRACK, 10, 0)).containsExactly(onTrack);
        assertThat(page(town, ProgressStatus.BEHIND, 10, 0)).containsExactlyElementsOf(byRegistration(behind, nothing));
        assertThat(count(town, ProgressStatus.BEHIND)).isEqualTo(2);
        assertThat(count(district, ProgressStatus.REACHED)).isEqualTo(2);
        // the whole year gone by: what has not reached the target is behind
        assertThat(ledger.countHouseholdsInPlace(town, FROM, UNTIL, 365, 365, ProgressStatus.BEHIND)).isEqualTo(3);
    }

    private List<UUID> page(UUID place, ProgressStatus status, int limit, long offset) {
        return ledger.householdsInPlace(place, FROM, UNTIL, 365, ELAPSED, status, limit, offset);
    }

    private long count(UUID place, ProgressStatus status) {
        return ledger.countHouseholdsInPlace(place, FROM, UNTIL, 365, ELAPSED, status);
    }

    private List<UUID> byRegistration(UUID... households) {
        return Stream.of(households).sorted(Comparator.comparing(h -> "R-" + h)).toList();
    }

    private UUID place(String kind, UUID parent) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO place (id, kind, name, parent_id, parent_key, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id.toString(), kind, kind + id, parent == null ? null : parent.toString(),
                        (parent == null ? id : parent).toString(), Timestamp.from(NOW)).update();
        return id;
    }

    /** A household with a target of 100,000 fen, paid {@code incomeFen} in two payments of the year. */
    private UUID household(UUID place, long incomeFen) {
        UUID household = RegisterRows.household(jdbc, place, NOW);
        if (incomeFen > 0) {
            paid(household, incomeFen / 2, FROM);
            paid(household, incomeFen - incomeFen / 2, UNTIL.minusSeconds(1));
        }
        return household;
    }

    private void paid(UUID household, long amountFen, Instant at) {
        ledger.save(new IncomeEntry(null, household, UUID.randomUUID(), "B-1", amountFen, "", at, NOW));
    }
}
