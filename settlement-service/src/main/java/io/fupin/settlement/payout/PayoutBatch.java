package io.fupin.settlement.payout;

import io.fupin.support.problem.ProblemType;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What a closed period pays: one line per household with a positive payable balance. Moves CLOSED →
 * APPROVED (by a clerk other than the one who closed it) → PAID (with the bank's reference), once.
 */
@Table("payout_batch")
class PayoutBatch {

    enum Status { CLOSED, APPROVED, PAID }

    @Id
    private final PayoutBatchId id;
    private final SettlementPeriodId periodId;
    private final String reference;
    private Status status;
    private final long totalFen;
    private final String closedBy;
    private final Instant closedAt;
    private String approvedBy;
    private Instant approvedAt;
    private String exportedBy;
    private Instant exportedAt;
    private String paidBy;
    private Instant paidAt;
    private String bankReference;
    @MappedCollection(idColumn = "batch_id")
    private Set<PayoutLine> lines;
    @Version
    private Long version;

    PayoutBatch(PayoutBatchId id, SettlementPeriodId periodId, String reference, Status status, long totalFen,
            String closedBy, Instant closedAt, String approvedBy, Instant approvedAt, String exportedBy,
            Instant exportedAt, String paidBy, Instant paidAt, String bankReference, Set<PayoutLine> lines,
            Long version) {
        this.id = id;
        this.periodId = periodId;
        this.reference = reference;
        this.status = status;
        this.totalFen = totalFen;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.exportedBy = exportedBy;
        this.exportedAt = exportedAt;
        this.paidBy = paidBy;
        this.paidAt = paidAt;
        this.bankReference = bankReference;
        this.lines = new HashSet<>(lines);
        this.version = version;
    }

    static PayoutBatch close(PayoutBatchId id, SettlementPeriodId periodId, String reference, List<PayoutLine> lines,
            String clerk, Instant now) {
        long total = lines.stream().mapToLong(PayoutLine::amountFen).reduce(0L, Math::addExact);
        return new PayoutBatch(id, periodId, reference, Status.CLOSED, total, clerk, now, null, null, null, null, null,
                null, null, new HashSet<>(lines), null);
    }

    /** The checker: never the clerk who closed the batch. */
    void approve(String clerk, Instant now) {
        if (status != Status.CLOSED) {
            throw new BatchConflict(ProblemType.BATCH_NOT_AWAITING_APPROVAL, "Batch " + reference + " is " + status
                    + "; only a CLOSED batch can be approved.");
        }
        if (clerk.equals(closedBy)) {
            throw new BatchConflict(ProblemType.OWN_APPROVAL, "Batch " + reference + " was closed by " + clerk
                    + "; another clerk must approve it.");
        }
        status = Status.APPROVED;
        approvedBy = clerk;
        approvedAt = now;
    }

    /** The payout file may leave only after approval; downloading it again later is allowed. */
    void export(String clerk, Instant now) {
        if (status == Status.CLOSED) {
            throw new BatchConflict(ProblemType.BATCH_NOT_APPROVED, "Batch " + reference
                    + " is not approved yet; a second clerk must approve it before its file can be exported.");
        }
        if (exportedAt == null) {
            exportedBy = clerk;
            exportedAt = now;
        }
    }

    /**
     * Records the bank's answer once: lines it paid become PAID, the failed ones FAILED (their money
     * returns to the households' payable balances).
     */
    void markPaid(String bankRef, Set<UUID> failed, String clerk, Instant now) {
        if (status == Status.PAID) {
            throw new BatchConflict(ProblemType.BATCH_ALREADY_PAID, "Batch " + reference + " was already marked paid with bank reference "
                    + bankReference + ".");
        }
        if (status != Status.APPROVED || exportedAt == null) {
            throw new BatchConflict(ProblemType.BATCH_NOT_EXPORTED, "Batch " + reference
                    + " must be approved and its payout file exported before it can be marked paid.");
        }
        Set<UUID> inBatch = new HashSet<>();
        lines.forEach(l -> inBatch.add(l.householdId()));
        List<UUID> unknown = failed.stream().filter(h -> !inBatch.contains(h)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownFailedLines(unknown);
        }
        Set<PayoutLine> updated = new HashSet<>();
        for (PayoutLine line : lines) {
            updated.add(line.withStatus(failed.contains(line.householdId()) ? PayoutLine.LineStatus.FAILED
                    : PayoutLine.LineStatus.PAID));
        }
        lines = updated;
        status = Status.PAID;
        bankReference = bankRef;
        paidBy = clerk;
        paidAt = now;
    }

    List<PayoutLine> sortedLines() {
        return lines.stream().sorted(Comparator.comparing(PayoutLine::householdId)).toList();
    }

    PayoutBatchId id() {
        return id;
    }

    SettlementPeriodId periodId() {
        return periodId;
    }

    String reference() {
        return reference;
    }

    Status status() {
        return status;
    }

    long totalFen() {
        return totalFen;
    }

    String bankReference() {
        return bankReference;
    }

    Instant paidAt() {
        return paidAt;
    }

    BatchView view() {
        return new BatchView(id, periodId, reference, status.name(), totalFen, lines.size(), closedBy, closedAt,
                approvedBy, approvedAt, exportedBy, exportedAt, paidBy, paidAt, bankReference,
                sortedLines().stream().map(l -> new BatchView.Line(l.householdId(), l.registrationNumber(),
                        l.headName(), l.bankName(), BatchView.mask(l.accountNumber()), l.amountFen(), l.status().name(),
                        l.orders())).toList());
    }
}
