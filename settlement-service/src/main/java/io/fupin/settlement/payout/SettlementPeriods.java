package io.fupin.settlement.payout;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

interface SettlementPeriods extends ListCrudRepository<SettlementPeriod, UUID> {

    List<SettlementPeriod> findAllByOrderByFirstDayAsc();

    List<SettlementPeriod> findAllByOrderByFirstDayAsc(Pageable page);
}
