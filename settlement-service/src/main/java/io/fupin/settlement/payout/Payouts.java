package io.fupin.settlement.payout;

import io.fupin.settlement.households.HouseholdDirectory;
import io.fupin.settlement.households.Payee;
import io.fupin.settlement.intake.ParkedEvents;
import io.fupin.settlement.ledger.AccountType;
import io.fupin.settlement.ledger.Ledger;
import io.fupin.settlement.ledger.Posting;
import io.fupin.settlement.orders.OrderServiceFigures;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.fupin.support.problem.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clerk's use cases: close a period into a payout batch, approve it (another clerk), export the bank
 * file, mark it paid. Each is one transaction: a refused step changes nothing.
 */
@Service
public class Payouts {

    private final SettlementPeriods periods;
    private final PayoutBatches batches;
    private final Ledger ledger;
    private final HouseholdDirectory households;
    private final Reconciliation reconciliation;
    private final OrderCrossCheck crossCheck;
    private final ParkedEvents parked;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    Payouts(SettlementPeriods periods, PayoutBatches batches, Ledger ledger, HouseholdDirectory households,
            Reconciliation reconciliation, OrderCrossCheck crossCheck, ParkedEvents parked,
            PlatformTransactionManager transactionManager, ApplicationEventPublisher events, JsonMapper json,
            Clock clock) {
        this.periods = periods;
        this.batches = batches;
        this.ledger = ledger;
        this.households = households;
        this.reconciliation = reconciliation;
        this.crossCheck = crossCheck;
        this.parked = parked;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    public record ClosedPeriod(SettlementPeriodId periodId, LocalDate firstDay, LocalDate lastDay, String closedBy,
            Instant closedAt, BatchView batch, ReconciliationReport report) {
    }

    /**
     * Closes the days [firstDay, lastDay]: every household's payable balance as of the period's end that is
     * positive goes into the batch (moved from payable to in-payout); negative balances stay and are carried.
     * First order-service is asked, outside the transaction, what it recorded as paid and refunded on each
     * day; the period closes only if every day agrees with the ledger.
     *
     * @throws OrdersDiffer when some order's figures differ (nothing is closed)
     * @throws BatchConflict {@code orders-unverified} when order-service cannot answer: the period never
     *         closes blindly
     */
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public ClosedPeriod close(LocalDate firstDay, LocalDate lastDay, Caller clerk) {
        InvalidPeriod.check(firstDay, lastDay);
        transactions.executeWithoutResult(status -> requireInOrder(firstDay, lastDay));
        OrderCrossCheck.Figures theirs;
        try {
            theirs = crossCheck.fetch(firstDay, lastDay);
        } catch (OrderServiceFigures.OrderServiceUnreachable e) {
            throw new BatchConflict(ProblemType.ORDERS_UNVERIFIED, "The period cannot be closed now: " + e.getMessage()
                    + ", so what settlement received cannot be verified against it. Try again once it answers.");
        }
        return transactions.execute(status -> closeVerified(firstDay, lastDay, clerk, theirs));
    }

    private void requireInOrder(LocalDate firstDay, LocalDate lastDay) {
        periods.firstOverlapping(firstDay, lastDay).ifPresent(existing -> {
            throw new BatchConflict(ProblemType.PERIOD_OVERLAPS, "The days " + firstDay + " to " + lastDay
                    + " overlap the closed period " + existing.firstDay() + " to " + existing.lastDay() + ".");
        });
        periods.findFirstByFirstDayAfterOrderByFirstDayAsc(lastDay).ifPresent(later -> {
            throw new BatchConflict(ProblemType.PERIOD_OUT_OF_ORDER, "A later period (" + later.firstDay() + " to "
                    + later.lastDay() + ") is already closed; periods close in date order.");
        });
    }

    private ClosedPeriod closeVerified(LocalDate firstDay, LocalDate lastDay, Caller clerk,
            OrderCrossCheck.Figures theirs) {
        // Serialises closes, so two clerks cannot close overlapping periods at the same moment.
        periods.lockCloses();
        requireInOrder(firstDay, lastDay);
        List<UUID> waiting = parked.ordersBetween(Reconciliation.startOf(firstDay),
                Reconciliation.startOf(lastDay.plusDays(1)));
        if (!waiting.isEmpty()) {
            throw new BatchConflict(ProblemType.EVENTS_PARKED, "Events of " + waiting.size() + " order(s) of the period wait for "
                    + "the payment they follow, so their money is not in the ledger yet: " + waiting.stream().limit(20)
                    .map(UUID::toString).collect(Collectors.joining(", ")) + (waiting.size() > 20 ? ", ..." : "")
                    + ". See GET /api/settlements/parked-events; the period closes once they are applied.");
        }
        List<ReconciliationReport.OrderMismatch> mismatches = crossCheck.mismatches(theirs);
        if (!mismatches.isEmpty()) {
            throw new OrdersDiffer(mismatches);
        }
        Instant now = clock.instant();
        SettlementPeriodId periodId = new SettlementPeriodId(UUID.randomUUID());
        PayoutBatchId batchId = new PayoutBatchId(UUID.randomUUID());
        Instant startsAt = Reconciliation.startOf(firstDay);
        Instant endsAt = Reconciliation.startOf(lastDay.plusDays(1));
        Instant previousEnd = periods.findFirstByOrderByLastDayDesc().map(SettlementPeriod::endsAt).orElse(Instant.EPOCH);
        String reference = "FPB-" + lastDay.format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + batchId.value().toString().substring(0, 8).toUpperCase();

        List<PayoutLine> lines = new ArrayList<>();
        List<Reconciliation.HeldBack> heldBack = new ArrayList<>();
        // The close is dated the period's last second, so it belongs to the period it closes.
        Posting.Builder posting = Posting.builder("close:" + batchId.value(), "BATCH_CLOSED", endsAt.minusSeconds(1))
                .batch(batchId.value()).memo("Payout batch " + reference);
        for (Map.Entry<UUID, Long> balance : ledger.partyBalancesBefore(AccountType.HOUSEHOLD_PAYABLE, endsAt).entrySet()) {
            long owed = -balance.getValue();
            if (owed <= 0) {
                continue;
            }
            UUID household = balance.getKey();
            Optional<Payee> payee = households.payee(household).filter(Payee::canBePaid);
            if (payee.isEmpty()) {
                heldBack.add(new Reconciliation.HeldBack(household, owed));
                continue;
            }
            String orders = ledger.ordersOf(AccountType.HOUSEHOLD_PAYABLE, household, previousEnd, endsAt).stream()
                    .map(UUID::toString).collect(Collectors.joining(","));
            lines.add(new PayoutLine(household, owed, PayoutLine.LineStatus.PENDING, payee.get().registrationNumber(),
                    payee.get().headName(), payee.get().bankName(), payee.get().accountNumber(), orders));
            posting.debit(AccountType.HOUSEHOLD_PAYABLE, household, owed, null)
                    .credit(AccountType.HOUSEHOLD_IN_PAYOUT, household, owed, null);
        }
        ledger.post(posting.build());
        PayoutBatch batch = PayoutBatch.close(batchId, periodId, reference, lines, clerk.userId(), now);
        ReconciliationReport report = reconciliation.report(periodId.value(), firstDay, lastDay, batch.totalFen(),
                lines.size(), heldBack, new ReconciliationReport.OrderServiceCheck(true, null, List.of()));
        periods.save(new SettlementPeriod(periodId, firstDay, lastDay, startsAt, endsAt, clerk.userId(), now,
                json.writeValueAsString(report), null));
        batches.save(batch);
        return new ClosedPeriod(periodId, firstDay, lastDay, clerk.userId(), now, batch.view(), report);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public BatchView approve(PayoutBatchId batchId, Caller clerk) {
        PayoutBatch batch = batch(batchId);
        batch.approve(clerk.userId(), clock.instant());
        return batches.save(batch).view();
    }

    public record PayoutFileContent(String fileName, byte[] csv) {
    }

    @Transactional
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public PayoutFileContent export(PayoutBatchId batchId, Caller clerk) {
        PayoutBatch batch = batch(batchId);
        batch.export(clerk.userId(), clock.instant());
        batches.save(batch);
        return new PayoutFileContent(batch.reference() + ".csv", PayoutFile.write(batch.reference(), batch.sortedLines()));
    }

    /**
     * Records the bank's payment: paid lines move from in-payout to paid out, failed ones back to payable;
     * {@code PayoutBatchPaid} (paid lines only, in pages) goes to the outbox in the same transaction.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public BatchView markPaid(PayoutBatchId batchId, String bankReference, Set<UUID> failedHouseholds, Caller clerk) {
        PayoutBatch batch = batch(batchId);
        Instant now = clock.instant();
        batch.markPaid(bankReference, failedHouseholds, clerk.userId(), now);
        Posting.Builder posting = Posting.builder("batch-paid:" + batchId.value(), "BATCH_PAID", now).batch(batchId.value())
                .memo("Bank reference " + bankReference);
        List<PayoutEvent.Line> paidLines = new ArrayList<>();
        long total = 0;
        for (PayoutLine line : batch.sortedLines()) {
            posting.debit(AccountType.HOUSEHOLD_IN_PAYOUT, line.householdId(), line.amountFen(), null);
            if (line.status() == PayoutLine.LineStatus.PAID) {
                posting.credit(AccountType.HOUSEHOLD_PAID_OUT, line.householdId(), line.amountFen(), null);
                paidLines.add(new PayoutEvent.Line(line.householdId(), line.amountFen(), line.orders()));
                total = Math.addExact(total, line.amountFen());
            } else {
                posting.credit(AccountType.HOUSEHOLD_PAYABLE, line.householdId(), line.amountFen(), null);
            }
        }
        ledger.post(posting.build());
        batches.save(batch);
        PayoutEvent.pagesOf(batchId.value(), batch.reference(), bankReference, now, total, paidLines)
                .forEach(events::publishEvent);
        return batch.view();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public BatchView batchView(PayoutBatchId batchId) {
        return batch(batchId).view();
    }

    public record PeriodSummary(SettlementPeriodId periodId, LocalDate firstDay, LocalDate lastDay, String closedBy,
            Instant closedAt, PayoutBatchId batchId, String batchReference, String batchStatus, long batchTotalFen) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public Page<PeriodSummary> periods(PageRequest page) {
        List<SettlementPeriod> window = periods.findAllByOrderByFirstDayAsc(
                org.springframework.data.domain.PageRequest.of(page.page(), page.size()));
        Map<SettlementPeriodId, PayoutBatch> batchOf = batches.findByPeriodIdIn(window.stream().map(SettlementPeriod::id).toList())
                .stream().collect(Collectors.toMap(PayoutBatch::periodId, b -> b));
        return Page.of(window, page, periods.count()).map(p -> {
            PayoutBatch batch = batchOf.get(p.id());
            return new PeriodSummary(p.id(), p.firstDay(), p.lastDay(), p.closedBy(), p.closedAt(), batch.id(),
                    batch.reference(), batch.status().name(), batch.totalFen());
        });
    }

    /** The report as it stood when the period was closed. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public ReconciliationReport report(SettlementPeriodId periodId) {
        SettlementPeriod period = periods.findById(periodId)
                .orElseThrow(() -> new NotFound("No settlement period " + periodId.value() + "."));
        return json.readValue(period.report(), ReconciliationReport.class);
    }

    private PayoutBatch batch(PayoutBatchId batchId) {
        return batches.findById(batchId).orElseThrow(() -> new NotFound("No payout batch " + batchId.value() + "."));
    }
}
