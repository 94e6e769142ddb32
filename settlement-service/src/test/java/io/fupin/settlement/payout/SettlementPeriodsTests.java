package io.fupin.settlement.payout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.testing.RepositorySlice;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Closed settlement periods on the real MariaDB; every test rolls back. */
@RepositorySlice
class SettlementPeriodsTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final LocalDate JAN_1 = LocalDate.of(2030, 1, 1);

    @Autowired
    SettlementPeriods periods;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noPeriodsYet() {
        // Left by the integration tests of an earlier run; deleted in this test's transaction only.
        jdbc.sql("DELETE FROM settlement_period").update();
    }

    @Test
    void keepsThePeriodWithItsReport() {
        SettlementPeriod saved = periods.save(period(JAN_1, JAN_1.plusDays(9)));

        SettlementPeriod read = periods.findById(saved.id()).orElseThrow();
        assertThat(read.firstDay()).isEqualTo(JAN_1);
        assertThat(read.lastDay()).isEqualTo(JAN_1.plusDays(9));
        assertThat(read.startsAt()).isEqualTo(Reconciliation.startOf(JAN_1));
        assertThat(read.endsAt()).isEqualTo(Reconciliation.startOf(JAN_1.plusDays(10)));
        assertThat(read.closedBy()).isEqualTo("clerk");
        assertThat(read.closedAt()).isEqualTo(NOW);
        assertThat(read.report()).isEqualTo("{\"firstDay\":\"" + JAN_1 + "\"}");
    }

    @Test
    void pagesThePeriodsInDayOrderInTheDatabase() {
        SettlementPeriod march = periods.save(period(JAN_1.plusMonths(2), JAN_1.plusMonths(3).minusDays(1)));
        SettlementPeriod january = periods.save(period(JAN_1, JAN_1.plusMonths(1).minusDays(1)));
        SettlementPeriod february = periods.save(period(JAN_1.plusMonths(1), JAN_1.plusMonths(2).minusDays(1)));

        assertThat(periods.findAllByOrderByFirstDayAsc(PageRequest.of(0, 2))).extracting(SettlementPeriod::id)
                .containsExactly(january.id(), february.id());
        assertThat(periods.findAllByOrderByFirstDayAsc(PageRequest.of(1, 2))).extracting(SettlementPeriod::id)
                .containsExactly(march.id());
        assertThat(periods.findAllByOrderByFirstDayAsc(PageRequest.of(2, 2))).isEmpty();
    }

    @Test
    void findsTheEarliestPeriodSharingADay() {
        SettlementPeriod early = periods.save(period(JAN_1, JAN_1.plusDays(9)));
        SettlementPeriod late = periods.save(period(JAN_1.plusDays(20), JAN_1.plusDays(30)));

        assertThat(id(periods.firstOverlapping(JAN_1.plusDays(5), JAN_1.plusDays(25)))).contains(early.id());
        assertThat(id(periods.firstOverlapping(JAN_1.plusDays(9), JAN_1.plusDays(9)))).as("its last day").contains(early.id());
        assertThat(id(periods.firstOverlapping(JAN_1.plusDays(15), JAN_1.plusDays(20)))).as("its first day")
                .contains(late.id());
        assertThat(periods.firstOverlapping(JAN_1.plusDays(10), JAN_1.plusDays(19))).as("the gap").isEmpty();
        assertThat(periods.firstOverlapping(JAN_1.minusDays(10), JAN_1.minusDays(1))).isEmpty();
    }

    @Test
    void findsTheNextPeriodAfterADayAndTheLatest() {
        SettlementPeriod early = periods.save(period(JAN_1, JAN_1.plusDays(9)));
        SettlementPeriod middle = periods.save(period(JAN_1.plusDays(10), JAN_1.plusDays(19)));
        SettlementPeriod late = periods.save(period(JAN_1.plusDays(30), JAN_1.plusDays(39)));

        assertThat(id(periods.findFirstByFirstDayAfterOrderByFirstDayAsc(JAN_1.minusDays(1)))).contains(early.id());
        assertThat(id(periods.findFirstByFirstDayAfterOrderByFirstDayAsc(JAN_1))).contains(middle.id());
        assertThat(id(periods.findFirstByFirstDayAfterOrderByFirstDayAsc(JAN_1.plusDays(20)))).contains(late.id());
        assertThat(periods.findFirstByFirstDayAfterOrderByFirstDayAsc(JAN_1.plusDays(30))).isEmpty();
        assertThat(id(periods.findFirstByOrderByLastDayDesc())).contains(late.id());
    }

    @Test
    void closesAreSerialisedOnOneRow() {
        assertThat(periods.lockCloses()).isEqualTo(1);
    }

    @Test
    void noPeriodIsTheLatestBeforeTheFirstClose() {
        assertThat(periods.findFirstByOrderByLastDayDesc()).isEmpty();
    }

    private static Optional<SettlementPeriodId> id(Optional<SettlementPeriod> period) {
        return period.map(SettlementPeriod::id);
    }

    private static SettlementPeriod period(LocalDate firstDay, LocalDate lastDay) {
        return new SettlementPeriod(new SettlementPeriodId(UUID.randomUUID()), firstDay, lastDay, Reconciliation.startOf(firstDay),
                Reconciliation.startOf(lastDay.plusDays(1)), "clerk", NOW, "{\"firstDay\":\"" + firstDay + "\"}", null);
    }
}
