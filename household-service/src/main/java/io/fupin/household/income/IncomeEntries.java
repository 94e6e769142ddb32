package io.fupin.household.income;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface IncomeEntries extends ListCrudRepository<IncomeEntry, Long> {

    List<IncomeEntry> findByHouseholdIdOrderByPaidAtAsc(UUID householdId);
}
