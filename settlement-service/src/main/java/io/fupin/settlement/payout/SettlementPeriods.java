package io.fupin.settlement.payout;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface SettlementPeriods extends ListCrudRepository<SettlementPeriod, SettlementPeriodId> {

    List<SettlementPeriod> findAllByOrderByFirstDayAsc(Pageable page);

    /** The earliest closed period sharing a day with [firstDay, lastDay]. */
    @Query("SELECT * FROM settlement_period WHERE first_day <= :lastDay AND last_day >= :firstDay ORDER BY first_day LIMIT 1")
    Optional<SettlementPeriod> firstOverlapping(LocalDate firstDay, LocalDate lastDay);

    /** The earliest closed period that starts after the day. */
    Optional<SettlementPeriod> findFirstByFirstDayAfterOrderByFirstDayAsc(LocalDate day);

    Optional<SettlementPeriod> findFirstByOrderByLastDayDesc();

    /** Takes the one row closes are serialised on, until the transaction ends. */
    @Query("SELECT id FROM period_lock WHERE id = 1 FOR UPDATE")
    int lockCloses();
}
