package io.fupin.household.income;

import io.fupin.household.registry.HouseholdId;
import org.springframework.security.access.prepost.PreAuthorize;
import io.fupin.support.events.EventEnvelope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class IncomeLedger {

    private final IncomeEntries entries;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    IncomeLedger(IncomeEntries entries, JdbcTemplate jdbc, Clock clock) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a payout's income exactly once, whatever the number of deliveries and of pages: runs in the
     * transaction that records the event's id (the payout events listener's).
     */
    void apply(EventEnvelope<PayoutEventMessage> event) {
        switch (event.payload()) {
            case PayoutEventMessage.PayoutBatchPaid paid -> paid(paid);
        }
    }

    private void paid(PayoutEventMessage.PayoutBatchPaid paid) {
        Timestamp now = Timestamp.from(clock.instant());
        // A batch comes in pages; a household whose orders continue on a later page adds them (and an amount
        // of 0) to its entry. Each page is applied once (its event id above), so the sums are exact.
        jdbc.batchUpdate("""
                INSERT INTO income_entry (household_id, batch_id, batch_reference, amount_fen, order_ids, paid_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE amount_fen = amount_fen + VALUES(amount_fen),
                    order_ids = CASE WHEN order_ids = '' THEN VALUES(order_ids) WHEN VALUES(order_ids) = '' THEN order_ids
                                     ELSE CONCAT(order_ids, ',', VALUES(order_ids)) END""",
                paid.lines().stream().map(line -> new Object[] {line.householdId().toString(),
                        paid.batchId().toString(), paid.batchReference(), line.amountFen(),
                        line.orderIds() == null ? "" : line.orderIds().stream().map(UUID::toString)
                                .collect(Collectors.joining(",")),
                        Timestamp.from(paid.paidAt()), now}).toList());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK')")
    public HouseholdIncome incomeOf(HouseholdId householdId) {
        List<IncomeEntryView> items = entries.findByHouseholdIdOrderByPaidAtAsc(householdId.value()).stream()
                .map(e -> new IncomeEntryView(e.batchId(), e.batchReference(), e.amountFen(),
                        e.orderIds().isEmpty() ? List.of() : List.of(e.orderIds().split(",")), e.paidAt()))
                .toList();
        long total = items.stream().mapToLong(IncomeEntryView::amountFen).reduce(0L, Math::addExact);
        return new HouseholdIncome(householdId.value(), total, items);
    }

    public record HouseholdIncome(UUID householdId, long totalFen, List<IncomeEntryView> entries) {
    }

    public record IncomeEntryView(UUID batchId, String batchReference, long amountFen, List<String> orderIds,
            Instant paidAt) {
    }
}
