package io.fupin.household.income;

import org.springframework.security.access.prepost.PreAuthorize;
import io.fupin.support.kafka.ProcessedEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
public class IncomeLedger {

    static final String CONSUMER = "household.payout-events";
    private static final Logger log = LoggerFactory.getLogger(IncomeLedger.class);

    private final IncomeEntries entries;
    private final ProcessedEvents processed;
    private final JsonMapper json;
    private final Clock clock;

    IncomeLedger(IncomeEntries entries, ProcessedEvents processed, JsonMapper json, Clock clock) {
        this.entries = entries;
        this.processed = processed;
        this.json = json;
        this.clock = clock;
    }

    /** Records a payout's income exactly once, whatever the number of deliveries. */
    @Transactional
    public void apply(PayoutEventMessage event) {
        if (!processed.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        if (!"PayoutBatchPaid".equals(event.eventType())) {
            log.debug("Ignoring {} {}", event.eventType(), event.eventId());
            return;
        }
        var paid = json.treeToValue(event.payload(), PayoutEventMessage.PayoutBatchPaid.class);
        Instant now = clock.instant();
        for (PayoutEventMessage.Line line : paid.lines()) {
            String orderIds = line.orderIds() == null ? "" : line.orderIds().stream().map(UUID::toString).collect(Collectors.joining(","));
            entries.save(new IncomeEntry(null, line.householdId(), paid.batchId(), paid.batchReference(),
                    line.amountFen(), orderIds, paid.paidAt(), now));
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK')")
    public HouseholdIncome incomeOf(UUID householdId) {
        List<IncomeEntryView> items = entries.findByHouseholdIdOrderByPaidAtAsc(householdId).stream()
                .map(e -> new IncomeEntryView(e.batchId(), e.batchReference(), e.amountFen(),
                        e.orderIds().isEmpty() ? List.of() : List.of(e.orderIds().split(",")), e.paidAt()))
                .toList();
        long total = items.stream().mapToLong(IncomeEntryView::amountFen).reduce(0L, Math::addExact);
        return new HouseholdIncome(householdId, total, items);
    }

    public record HouseholdIncome(UUID householdId, long totalFen, List<IncomeEntryView> entries) {
    }

    public record IncomeEntryView(UUID batchId, String batchReference, long amountFen, List<String> orderIds,
            Instant paidAt) {
    }
}
