package io.fupin.settlement.resolution;

import io.fupin.support.problem.ProblemType;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A clerk's proposal not to recover what a household owes back: PROPOSED, then APPROVED by another clerk or
 * REJECTED, once. While proposed it holds its household's one pending place (a unique key).
 */
@Table("owed_write_off")
class OwedWriteOff {

    enum Status { PROPOSED, APPROVED, REJECTED }

    @Id
    private final UUID id;
    private final UUID householdId;
    private final long amountFen;
    private final String note;
    private Status status;
    private final String proposedBy;
    private final Instant proposedAt;
    private String decidedBy;
    private Instant decidedAt;
    private UUID pendingHousehold;
    @Version
    private Long version;

    OwedWriteOff(UUID id, UUID householdId, long amountFen, String note, Status status, String proposedBy,
            Instant proposedAt, String decidedBy, Instant decidedAt, UUID pendingHousehold, Long version) {
        this.id = id;
        this.householdId = householdId;
        this.amountFen = amountFen;
        this.note = note;
        this.status = status;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.pendingHousehold = pendingHousehold;
        this.version = version;
    }

    static OwedWriteOff propose(UUID householdId, long amountFen, String note, String clerk, Instant now) {
        return new OwedWriteOff(UUID.randomUUID(), householdId, amountFen, note.strip(), Status.PROPOSED, clerk,
                now, null, null, householdId, null);
    }

    /** The same form sent again by its clerk. */
    boolean sameProposal(String clerk, long amountFen, String note) {
        return proposedBy.equals(clerk) && this.amountFen == amountFen && this.note.equals(note.strip());
    }

    /**
     * The checker: never the clerk who proposed it.
     *
     * @return false when it was approved already (nothing to do)
     */
    boolean approve(String clerk, Instant now) {
        if (status == Status.APPROVED) {
            return false;
        }
        requireProposed();
        if (clerk.equals(proposedBy)) {
            throw new ResolutionRefused(ProblemType.OWN_APPROVAL, "The clerk who proposed a write-off cannot approve it; "
                    + "another clerk must.");
        }
        decide(Status.APPROVED, clerk, now);
        return true;
    }

    /** @return false when it was rejected already (nothing to do) */
    boolean reject(String clerk, Instant now) {
        if (status == Status.REJECTED) {
            return false;
        }
        requireProposed();
        decide(Status.REJECTED, clerk, now);
        return true;
    }

    private void requireProposed() {
        if (status != Status.PROPOSED) {
            throw new ResolutionRefused(ProblemType.WRITE_OFF_DECIDED, "The write-off was already "
                    + status.name().toLowerCase(Locale.ROOT) + " by " + decidedBy + ".");
        }
    }

    private void decide(Status decision, String clerk, Instant now) {
        status = decision;
        decidedBy = clerk;
        decidedAt = now;
        pendingHousehold = null;
    }

    OwedDesk.WriteOff view() {
        return new OwedDesk.WriteOff(id, householdId, amountFen, note, status.name(), proposedBy, proposedAt, decidedBy,
                decidedAt);
    }

    UUID id() {
        return id;
    }

    UUID householdId() {
        return householdId;
    }

    long amountFen() {
        return amountFen;
    }

    String proposedBy() {
        return proposedBy;
    }

    Status status() {
        return status;
    }

    Instant decidedAt() {
        return decidedAt;
    }
}
