package io.fupin.settlement.resolution;

import io.fupin.settlement.allocation.ProceedsAllocation;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.fupin.support.problem.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clerk's actions on a paid line whose net sits in suspense because no linkage was in force when it was paid:
 * ask the seller to declare the linkage (a follow-up with a note, money untouched), or allocate the line to a
 * version of its product declared since (balanced entries from suspense to the households).
 */
@Service
public class SuspenseDesk {

    private static final Logger log = LoggerFactory.getLogger(SuspenseDesk.class);

    private final ProceedsAllocation allocation;
    private final SuspenseFollowUps followUps;
    private final ResolutionReports reports;
    private final Clock clock;

    SuspenseDesk(ProceedsAllocation allocation, SuspenseFollowUps followUps, ResolutionReports reports, Clock clock) {
        this.allocation = allocation;
        this.followUps = followUps;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * @param resolved whether the line has left suspense since (allocated, or refunded in full)
     */
    public record FollowUp(UUID followUpId, UUID orderId, int lineNo, UUID productId, UUID sellerId, String note,
            String askedBy, Instant askedAt, boolean resolved) {
    }

    /**
     * Records that the clerk asked the line's seller (or an official) to declare the linkage it lacks. The same
     * note on the same line by the same clerk is recorded once (a form sent twice).
     */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public FollowUp followUp(UUID orderId, int lineNo, String note, Caller clerk) {
        ProceedsAllocation.LineState state = allocation.lineForUpdate(orderId, lineNo)
                .orElseThrow(() -> new ResolutionNotFound("Settlement has no paid line " + lineNo + " of order " + orderId + "."));
        if (!state.inSuspense() || state.line().netFen() == 0) {
            throw new ResolutionRefused(ProblemType.NOT_IN_SUSPENSE, "Line " + lineNo + " of order " + orderId
                    + " is not in suspense: it is allocated to linkage " + state.linkageId() + " v" + state.version() + ".");
        }
        // The line is in suspense (and locked), so the follow-up, new or sent again, is not resolved.
        var same = followUps.findByOrderIdAndLineNoAndAskedByAndNote(orderId, lineNo, clerk.userId(), note.strip());
        if (same.isPresent()) {
            return same.get().view(false);
        }
        SuspenseFollowUp asked = followUps.save(SuspenseFollowUp.ask(orderId, lineNo, state.line().productId(),
                state.line().sellerId(), note, clerk.userId(), clock.instant()));
        log.info("Clerk {} asked seller {} to declare the linkage of product {} for order {} line {}", clerk.userId(),
                state.line().sellerId(), state.line().productId(), orderId, lineNo);
        return asked.view(false);
    }

    /** Every follow-up, newest first, with whether its line has left suspense since. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public Page<FollowUp> followUps(PageRequest page) {
        return reports.followUps(page);
    }

    /** What was allocated: the line, the version chosen and the net that left suspense. */
    public record Allocated(UUID orderId, int lineNo, UUID productId, UUID linkageId, int version, long netFen,
            boolean allocatedNow) {
    }

    /**
     * Allocates a line in suspense to a version of its product's linkage recorded since: the net leaves suspense
     * for that version's households in one balanced entry. Asking again for the same version changes nothing.
     */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public Allocated allocate(UUID orderId, int lineNo, UUID linkageId, int version, Caller clerk) {
        ProceedsAllocation.LineState before = allocation.lineForUpdate(orderId, lineNo)
                .orElseThrow(() -> new ResolutionNotFound("Settlement has no paid line " + lineNo + " of order " + orderId + "."));
        ProceedsAllocation.Assignment outcome = allocation.assignFromSuspense(orderId, lineNo, linkageId, version,
                clerk.userId());
        switch (outcome) {
            case NO_LINE -> throw new ResolutionNotFound("Settlement has no paid line " + lineNo + " of order " + orderId + ".");
            case NOT_IN_SUSPENSE -> throw new ResolutionRefused(ProblemType.NOT_IN_SUSPENSE, "Line " + lineNo + " of order "
                    + orderId + " is not in suspense"
                    + (before.inSuspense() ? " (refunded in full)." : ": it is allocated to linkage " + before.linkageId()
                            + " v" + before.version() + "."));
            case UNKNOWN_VERSION -> throw new InvalidResolution("linkageId", "Settlement has no version " + version
                    + " of linkage " + linkageId + " for product " + before.line().productId() + ".");
            case ASSIGNED, ALREADY -> {
            }
        }
        if (outcome == ProceedsAllocation.Assignment.ASSIGNED) {
            log.info("Clerk {} allocated order {} line {} ({} fen) from suspense to linkage {} v{}", clerk.userId(),
                    orderId, lineNo, before.line().netFen(), linkageId, version);
        }
        return new Allocated(orderId, lineNo, before.line().productId(), linkageId, version, before.line().netFen(),
                outcome == ProceedsAllocation.Assignment.ASSIGNED);
    }
}
