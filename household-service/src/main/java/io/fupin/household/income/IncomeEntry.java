package io.fupin.household.income;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** Money a household received in one payout batch. Append-only. */
@Table("income_entry")
record IncomeEntry(@Id Long id, UUID householdId, UUID batchId, String batchReference, long amountFen,
        String orderIds, Instant paidAt, Instant recordedAt) {
}
