package io.fupin.settlement.payout;

import io.fupin.settlement.allocation.ProceedsAllocation;
import io.fupin.settlement.intake.ParkedEvents;
import io.fupin.settlement.ledger.AccountType;
import io.fupin.settlement.ledger.Ledger;
import io.fupin.settlement.orders.OrderServiceFigures.OrderServiceUnreachable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds reconciliation reports from the ledger, cross-checked against the paid lines themselves. */
@Service
public class Reconciliation {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Ledger ledger;
    private final ProceedsAllocation allocation;
    private final OrderCrossCheck crossCheck;
    private final ParkedEvents parked;
    private final TransactionTemplate readOnly;
    private final AtomicInteger lastDifferences = new AtomicInteger();

    Reconciliation(Ledger ledger, ProceedsAllocation allocation, OrderCrossCheck crossCheck, ParkedEvents parked,
            PlatformTransactionManager transactions, MeterRegistry meters) {
        this.ledger = ledger;
        this.allocation = allocation;
        this.crossCheck = crossCheck;
        this.parked = parked;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        Gauge.builder("fupin.settlement.reconciliation.differences", lastDifferences, AtomicInteger::get)
                .description("Differences the latest reconciliation report (a clerk's check or a period's close) found")
                .register(meters);
    }

    /**
     * A report for any range of days, without closing anything. order-service is asked first, outside the
     * transaction; when it cannot answer the report still comes, saying the days are unverified.
     */
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public ReconciliationReport forDays(LocalDate firstDay, LocalDate lastDay) {
        InvalidPeriod.check(firstDay, lastDay);
        OrderCrossCheck.Figures theirs;
        try {
            theirs = crossCheck.fetch(firstDay, lastDay);
        } catch (OrderServiceUnreachable e) {
            theirs = null;
        }
        OrderCrossCheck.Figures figures = theirs;
        return readOnly.execute(status -> report(null, firstDay, lastDay, 0, 0, List.of(),
                figures == null ? ReconciliationReport.OrderServiceCheck.unverified(
                        "order-service could not be asked; these days are not verified against it")
                        : new ReconciliationReport.OrderServiceCheck(true, null, crossCheck.mismatches(figures))));
    }

    /** Trial balance: the signed balance of every account type (debit positive); it sums to zero. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public Map<AccountType, Long> balances() {
        return new LinkedHashMap<>(ledger.totals());
    }

    /** Paid lines whose net sits in suspense because no linkage was in force. */
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public List<ProceedsAllocation.SuspenseLine> suspense() {
        return allocation.suspense();
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(SHANGHAI).toInstant();
    }

    /** Households left out of a batch, with what they are owed. */
    record HeldBack(UUID householdId, long amountFen) {
    }

    ReconciliationReport report(UUID periodId, LocalDate firstDay, LocalDate lastDay, long batchTotalFen,
            int batchLineCount, List<HeldBack> heldBack, ReconciliationReport.OrderServiceCheck orderServiceCheck) {
        Instant from = startOf(firstDay);
        Instant to = startOf(lastDay.plusDays(1));
        Map<AccountType, Long> moved = ledger.movements(from, to);
        Map<AccountType, Long> closing = ledger.movements(Instant.EPOCH, to);

        long receipts = moved.get(AccountType.RECEIPTS_CLEARING);
        long refunds = -moved.get(AccountType.REFUNDS);
        long costs = -moved.get(AccountType.SELLER_COST_PAYABLE);
        long suspense = -moved.get(AccountType.SUSPENSE);
        long margin = -moved.get(AccountType.PLATFORM_MARGIN);
        long writtenOff = moved.get(AccountType.WRITTEN_OFF);
        var allocations = new ReconciliationReport.Allocations(-moved.get(AccountType.HOUSEHOLD_HELD),
                -moved.get(AccountType.HOUSEHOLD_PAYABLE), -moved.get(AccountType.HOUSEHOLD_IN_PAYOUT),
                -moved.get(AccountType.HOUSEHOLD_PAID_OUT));
        long allocated = Math.addExact(Math.addExact(allocations.heldFen(), allocations.payableFen()),
                Math.addExact(allocations.inPayoutFen(), allocations.paidOutFen()));
        // A write-off gives back to the households what a clawback took: money the programme puts in.
        long unexplained = (receipts - refunds + writtenOff) - (allocated + costs + suspense + margin);

        List<ReconciliationReport.Difference> differences = new ArrayList<>();
        if (unexplained != 0) {
            differences.add(new ReconciliationReport.Difference("IDENTITY",
                    "receipts − refunds + written off differs from allocations + costs + suspense + margin", unexplained, List.of(),
                    List.of()));
        }
        if (margin != 0 || closing.get(AccountType.PLATFORM_MARGIN) != 0) {
            differences.add(new ReconciliationReport.Difference("MARGIN_NOT_ZERO",
                    "the platform margin must be zero", margin, List.of(), List.of()));
        }
        receiptsAgainstPaidLines(from, to, differences);
        List<ProceedsAllocation.SuspenseLine> inSuspense = allocation.suspense().stream()
                .filter(s -> s.paidAt().isBefore(to)).toList();
        inSuspense.forEach(s -> differences.add(
                new ReconciliationReport.Difference("SUSPENSE",
                        "no benefit linkage in force for product " + s.productId() + " when the order was paid",
                        s.netFen(), List.of(s.orderId()), List.of())));
        long closingSuspense = -closing.get(AccountType.SUSPENSE);
        long namedSuspense = inSuspense.stream().mapToLong(ProceedsAllocation.SuspenseLine::netFen).sum();
        if (closingSuspense != namedSuspense) {
            differences.add(new ReconciliationReport.Difference("UNMATCHED_REFUNDS",
                    "refunds of quantities settlement never saw paid sit in suspense", closingSuspense - namedSuspense,
                    unmatchedRefundOrders(to), List.of()));
        }
        if (!orderServiceCheck.verified()) {
            differences.add(new ReconciliationReport.Difference("ORDER_SERVICE_UNVERIFIED", orderServiceCheck.detail(),
                    0, List.of(), List.of()));
        }
        orderServiceCheck.mismatches().forEach(m -> differences.add(new ReconciliationReport.Difference(
                "ORDER_SERVICE_MISMATCH", "on " + m.day() + " order-service recorded " + m.orderServiceFen() + " fen "
                        + m.figure().toLowerCase(java.util.Locale.ROOT) + ", settlement " + m.settlementFen() + " fen",
                m.differenceFen(), List.of(m.orderId()), List.of())));
        List<UUID> parkedOrders = parked.ordersBetween(from, to);
        if (!parkedOrders.isEmpty()) {
            differences.add(new ReconciliationReport.Difference("PARKED_EVENTS",
                    "events of these orders arrived before their payment and wait for it; their money is not in the ledger yet",
                    0, parkedOrders, List.of()));
        }
        long heldBackFen = heldBack.stream().mapToLong(HeldBack::amountFen).sum();
        if (!heldBack.isEmpty()) {
            differences.add(new ReconciliationReport.Difference("NO_PAYOUT_ACCOUNT",
                    "payable households left out of the batch: settlement has no payout account for them yet",
                    heldBackFen, List.of(), heldBack.stream().map(HeldBack::householdId).toList()));
        }

        Map<UUID, Long> payableAtStart = ledger.partyBalancesBefore(AccountType.HOUSEHOLD_PAYABLE, from);
        Map<UUID, Long> payableAtEnd = ledger.partyBalancesBefore(AccountType.HOUSEHOLD_PAYABLE, to);
        // Stored signs: a payable the household owes back (after a clawback) is a debit, i.e. positive.
        long carriedIn = payableAtStart.values().stream().filter(b -> b > 0).mapToLong(Long::longValue).sum();
        long carriedOut = payableAtEnd.values().stream().filter(b -> b > 0).mapToLong(Long::longValue).sum();

        var balances = new ReconciliationReport.Balances(closing.get(AccountType.RECEIPTS_CLEARING),
                -closing.get(AccountType.REFUNDS), -closing.get(AccountType.HOUSEHOLD_HELD),
                -closing.get(AccountType.HOUSEHOLD_PAYABLE), -closing.get(AccountType.HOUSEHOLD_IN_PAYOUT),
                -closing.get(AccountType.HOUSEHOLD_PAID_OUT), -closing.get(AccountType.SELLER_COST_PAYABLE),
                closingSuspense, -closing.get(AccountType.PLATFORM_MARGIN));
        lastDifferences.set(differences.size());
        return new ReconciliationReport(periodId, firstDay, lastDay, from, to, receipts, refunds, costs, allocated,
                suspense, margin, unexplained == 0, unexplained, allocations, carriedIn, carriedOut, heldBackFen,
                batchTotalFen, batchLineCount, balances, differences, orderServiceCheck,
                parked.countBetween(from, to), writtenOff);
    }

    /** Receipts in the ledger per order against the gross of the lines paid in the period. */
    private void receiptsAgainstPaidLines(Instant from, Instant to, List<ReconciliationReport.Difference> differences) {
        Map<UUID, Long> paid = allocation.grossPaidBetween(from, to);
        Map<UUID, Long> received = ledger.orderMovements(AccountType.RECEIPTS_CLEARING, from, to);
        Set<UUID> orders = new HashSet<>(paid.keySet());
        orders.addAll(received.keySet());
        orders.stream().sorted().forEach(order -> {
            long expected = paid.getOrDefault(order, 0L);
            long actual = received.getOrDefault(order, 0L);
            if (expected != actual) {
                differences.add(new ReconciliationReport.Difference("RECEIPTS_MISMATCH",
                        "paid lines come to " + expected + " fen, the ledger received " + actual + " fen",
                        actual - expected, List.of(order), List.of()));
            }
        });
    }

    private List<UUID> unmatchedRefundOrders(Instant to) {
        return ledger.orderMovements(AccountType.SUSPENSE, Instant.EPOCH, to).entrySet().stream()
                .filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted().collect(Collectors.toList());
    }
}
