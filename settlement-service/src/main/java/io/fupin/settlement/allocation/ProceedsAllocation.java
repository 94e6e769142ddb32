package io.fupin.settlement.allocation;

import io.fupin.settlement.ledger.AccountType;
import io.fupin.settlement.ledger.Ledger;
import io.fupin.settlement.ledger.Posting;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns payments, refunds, completions and linkage versions into balanced ledger postings:
 * <ul>
 * <li>paid: receipts debited; seller cost, and each household's part (held) or the net (suspense) credited;</li>
 * <li>completed: each household's held part becomes payable;</li>
 * <li>refunded: the refund is taken back from where the line's money sits (held before completion,
 * payable after it: a clawback that may leave a negative balance to be carried forward);</li>
 * <li>a linkage version that is in force for a line that was allocated otherwise (or not at all) moves
 * the line's remaining net from the old target to the new one: suspense is allocated this way.</li>
 * </ul>
 * Every posting has a key derived from the fact it records, so a replayed fact posts nothing.
 */
@Service
public class ProceedsAllocation {

    private static final Logger log = LoggerFactory.getLogger(ProceedsAllocation.class);

    private final SettledLines lines;
    private final Linkages linkages;
    private final Ledger ledger;
    private final Clock clock;

    ProceedsAllocation(SettledLines lines, Linkages linkages, Ledger ledger, Clock clock) {
        this.lines = lines;
        this.linkages = linkages;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void paid(PaidOrder order) {
        paidAll(List.of(order));
    }

    /** Records and allocates paid orders, each once; batched for throughput. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int paidAll(List<PaidOrder> orders) {
        Set<UUID> known = lines.recordedOrders(orders.stream().map(PaidOrder::orderId).toList());
        List<SettledLine> fresh = new ArrayList<>();
        List<Posting> postings = new ArrayList<>();
        Map<UUID, List<Linkages.Dated>> versionsByProduct = new HashMap<>();
        int count = 0;
        for (PaidOrder order : orders) {
            if (!known.add(order.orderId())) {
                continue;
            }
            count++;
            Posting.Builder posting = Posting.builder("paid:" + order.orderId(), "PAID", order.paidAt())
                    .order(order.orderId()).memo("Order paid");
            for (int i = 0; i < order.lines().size(); i++) {
                PaidOrder.Line paid = order.lines().get(i);
                Linkages.LinkageRef linkage = Linkages.inForce(
                        versionsByProduct.computeIfAbsent(paid.productId(), linkages::versionsOf), order.paidAt());
                SettledLine line = new SettledLine(order.orderId(), i, paid.productId(), paid.sellerId(),
                        paid.quantity(), 0, paid.unitPriceFen(), paid.unitCostFen(), order.paidAt(), null, linkage);
                fresh.add(line);
                Allocator.LineAmounts amounts = line.amounts(line.quantity());
                posting.debit(AccountType.RECEIPTS_CLEARING, null, amounts.grossFen(), line.productId())
                        .credit(AccountType.SELLER_COST_PAYABLE, line.sellerId(), amounts.costFen(), line.productId())
                        .credit(AccountType.PLATFORM_MARGIN, null, amounts.marginFen(), line.productId());
                creditTarget(posting, line, amounts.netFen());
            }
            postings.add(posting.build());
        }
        lines.insertAll(fresh);
        ledger.postAll(postings);
        return count;
    }

    /** Whether the order's payment has been recorded: refunds and the completion follow it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean paymentRecorded(UUID orderId) {
        return !lines.recordedOrders(List.of(orderId)).isEmpty();
    }

    /** The order is delivered and past its refund window: what is held for households becomes payable. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void completed(UUID orderId, Instant completedAt) {
        List<SettledLine> orderLines = lines.ofOrder(orderId);
        if (orderLines.isEmpty()) {
            log.warn("Order {} completed but settlement has no payment for it", orderId);
            return;
        }
        Posting.Builder posting = Posting.builder("complete:" + orderId, "COMPLETED", completedAt).order(orderId)
                .memo("Order completed: held proceeds become payable");
        for (SettledLine line : orderLines) {
            if (line.completed() || line.inSuspense()) {
                continue;
            }
            Allocator.split(line.amounts(line.remaining()).netFen(), linkages.sharesOf(line.linkage()))
                    .forEach((household, part) -> posting
                            .debit(AccountType.HOUSEHOLD_HELD, household, part, line.productId())
                            .credit(AccountType.HOUSEHOLD_PAYABLE, household, part, line.productId()));
        }
        lines.completed(orderId, completedAt);
        ledger.post(posting.build());
    }

    /** Gives back refunded quantities: out of the hold before completion, clawed back from payable after it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refunded(RefundedOrder refund) {
        List<SettledLine> orderLines = new ArrayList<>(lines.ofOrder(refund.orderId()));
        Posting.Builder posting = Posting.builder("refund:" + refund.refundId(), "REFUNDED", refund.refundedAt())
                .order(refund.orderId()).memo("Refund " + refund.refundId());
        for (RefundedOrder.Line refunded : refund.lines()) {
            int toRefund = refunded.quantity();
            for (int i = 0; i < orderLines.size() && toRefund > 0; i++) {
                SettledLine line = orderLines.get(i);
                if (!line.productId().equals(refunded.productId()) || line.remaining() == 0) {
                    continue;
                }
                int quantity = Math.min(toRefund, line.remaining());
                Allocator.LineAmounts before = line.amounts(line.remaining());
                Allocator.LineAmounts after = line.amounts(line.remaining() - quantity);
                posting.credit(AccountType.REFUNDS, null, before.grossFen() - after.grossFen(), line.productId())
                        .debit(AccountType.SELLER_COST_PAYABLE, line.sellerId(), before.costFen() - after.costFen(),
                                line.productId());
                debitTarget(posting, line, before.netFen(), after.netFen());
                SettledLine reduced = withRefunded(line, line.refundedQuantity() + quantity);
                lines.refunded(line, reduced.refundedQuantity());
                orderLines.set(i, reduced);
                toRefund -= quantity;
            }
            if (toRefund > 0) {
                // Money went back to a buyer for something settlement never saw paid: it is not dropped but
                // shows in suspense (negative) until a clerk resolves it.
                long amount = Math.multiplyExact(refunded.unitPriceFen(), (long) toRefund);
                log.warn("Refund {} of order {} exceeds what was paid for product {} by {} units",
                        refund.refundId(), refund.orderId(), refunded.productId(), toRefund);
                posting.credit(AccountType.REFUNDS, null, amount, refunded.productId())
                        .debit(AccountType.SUSPENSE, null, amount, refunded.productId());
            }
        }
        ledger.post(posting.build());
    }

    /**
     * Records a linkage version and moves every line of its product whose version in force changes
     * because of it: lines in suspense get allocated, lines allocated by an older version are reallocated.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void linkageVersioned(LinkageVersion version, Instant occurredAt) {
        if (!linkages.record(version, clock.instant())) {
            return;
        }
        List<Posting> postings = new ArrayList<>();
        for (SettledLine line : lines.ofProductPaidSince(version.productId(), version.effectiveFrom())) {
            Linkages.LinkageRef inForce = linkages.inForce(line.productId(), line.paidAt()).orElse(null);
            if (inForce == null || inForce.equals(line.linkage())) {
                continue;
            }
            Posting.Builder posting = Posting.builder("assign:" + line.orderId() + ":" + line.lineNo() + ":"
                            + inForce.linkageId() + ":" + inForce.version(), line.inSuspense() ? "ALLOCATED" : "REALLOCATED",
                            occurredAt.isBefore(line.paidAt()) ? line.paidAt() : occurredAt)
                    .order(line.orderId())
                    .memo((line.inSuspense() ? "Allocated from suspense by linkage " : "Reallocated by linkage ")
                            + inForce.linkageId() + " v" + inForce.version());
            long net = line.amounts(line.remaining()).netFen();
            debitTarget(posting, line, net, 0);
            SettledLine assigned = new SettledLine(line.orderId(), line.lineNo(), line.productId(), line.sellerId(),
                    line.quantity(), line.refundedQuantity(), line.unitPriceFen(), line.unitCostFen(), line.paidAt(),
                    line.completedAt(), inForce);
            creditTarget(posting, assigned, net);
            lines.assigned(line, inForce);
            postings.add(posting.build());
        }
        ledger.postAll(postings);
    }

    /** Lines whose net is still in suspense: the discrepancies a clerk sees. */
    @Transactional(readOnly = true)
    public List<SuspenseLine> suspense() {
        return lines.inSuspense().stream().map(ProceedsAllocation::suspenseLine)
                .sorted(Comparator.comparing(SuspenseLine::paidAt).thenComparing(SuspenseLine::orderId)
                        .thenComparing(SuspenseLine::lineNo))
                .toList();
    }

    /** The paid line as a clerk acts on it, locked for this transaction; empty when settlement never saw it paid. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LineState> lineForUpdate(UUID orderId, int lineNo) {
        return lines.ofOrder(orderId).stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .map(l -> new LineState(suspenseLine(l), l.linkage() == null ? null : l.linkage().linkageId(),
                        l.linkage() == null ? null : l.linkage().version()));
    }

    /**
     * A clerk's decision for a line in suspense for which no linkage was in force when it was paid: its net goes
     * to the households of a version of its product declared since (held, or payable once the order completed),
     * as a version in force would have done. Posted under the same key as that automatic allocation, so it is
     * recorded once; a version later found in force at the payment reallocates the line as usual.
     *
     * @return what happened; nothing is written unless {@link Assignment#ASSIGNED}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Assignment assignFromSuspense(UUID orderId, int lineNo, UUID linkageId, int version, String clerk) {
        SettledLine line = lines.ofOrder(orderId).stream().filter(l -> l.lineNo() == lineNo).findFirst().orElse(null);
        if (line == null) {
            return Assignment.NO_LINE;
        }
        Linkages.LinkageRef chosen = new Linkages.LinkageRef(linkageId, version);
        if (chosen.equals(line.linkage())) {
            return Assignment.ALREADY;
        }
        if (!line.inSuspense() || line.remaining() == 0) {
            return Assignment.NOT_IN_SUSPENSE;
        }
        if (!linkages.productOf(chosen).map(line.productId()::equals).orElse(false)) {
            return Assignment.UNKNOWN_VERSION;
        }
        long net = line.amounts(line.remaining()).netFen();
        Posting.Builder posting = Posting.builder("assign:" + orderId + ":" + lineNo + ":" + linkageId + ":" + version,
                "ALLOCATED", clock.instant()).order(orderId)
                .memo("Allocated from suspense by clerk " + clerk + " to linkage " + linkageId + " v" + version);
        debitTarget(posting, line, net, 0);
        SettledLine assigned = new SettledLine(line.orderId(), line.lineNo(), line.productId(), line.sellerId(),
                line.quantity(), line.refundedQuantity(), line.unitPriceFen(), line.unitCostFen(), line.paidAt(),
                line.completedAt(), chosen);
        creditTarget(posting, assigned, net);
        lines.assigned(line, chosen);
        ledger.post(posting.build());
        return Assignment.ASSIGNED;
    }

    /** The outcome of {@link #assignFromSuspense}. */
    public enum Assignment {
        ASSIGNED, ALREADY, NO_LINE, NOT_IN_SUSPENSE, UNKNOWN_VERSION
    }

    /** A paid line and the linkage version it is allocated by ({@code null} in suspense). */
    public record LineState(SuspenseLine line, UUID linkageId, Integer version) {

        public boolean inSuspense() {
            return linkageId == null;
        }
    }

    private static SuspenseLine suspenseLine(SettledLine l) {
        return new SuspenseLine(l.orderId(), l.lineNo(), l.productId(), l.sellerId(), l.paidAt(),
                l.amounts(l.remaining()).netFen());
    }

    /** Per order, the gross of lines paid in [from, to), from the paid lines themselves (not the ledger). */
    @Transactional(readOnly = true)
    public Map<UUID, Long> grossPaidBetween(Instant from, Instant to) {
        Map<UUID, Long> gross = new java.util.LinkedHashMap<>();
        lines.grossPaidBetween(from, to).forEach(g -> gross.put(g.orderId(), g.grossFen()));
        return gross;
    }

    public record SuspenseLine(UUID orderId, int lineNo, UUID productId, UUID sellerId, Instant paidAt, long netFen) {
    }

    private void creditTarget(Posting.Builder posting, SettledLine line, long netFen) {
        if (line.inSuspense()) {
            posting.credit(AccountType.SUSPENSE, null, netFen, line.productId());
            return;
        }
        AccountType account = line.completed() ? AccountType.HOUSEHOLD_PAYABLE : AccountType.HOUSEHOLD_HELD;
        Allocator.split(netFen, linkages.sharesOf(line.linkage()))
                .forEach((household, part) -> posting.credit(account, household, part, line.productId()));
    }

    /** Takes the difference between the line's net before and after from wherever it sits. */
    private void debitTarget(Posting.Builder posting, SettledLine line, long netBefore, long netAfter) {
        if (line.inSuspense()) {
            posting.debit(AccountType.SUSPENSE, null, netBefore - netAfter, line.productId());
            return;
        }
        AccountType account = line.completed() ? AccountType.HOUSEHOLD_PAYABLE : AccountType.HOUSEHOLD_HELD;
        List<Allocator.Share> shares = linkages.sharesOf(line.linkage());
        Map<UUID, Long> after = Allocator.split(netAfter, shares);
        Allocator.split(netBefore, shares).forEach((household, part) ->
                posting.debit(account, household, part - after.getOrDefault(household, 0L), line.productId()));
    }

    private static SettledLine withRefunded(SettledLine line, int refundedQuantity) {
        return new SettledLine(line.orderId(), line.lineNo(), line.productId(), line.sellerId(), line.quantity(),
                refundedQuantity, line.unitPriceFen(), line.unitCostFen(), line.paidAt(), line.completedAt(),
                line.linkage());
    }
}
