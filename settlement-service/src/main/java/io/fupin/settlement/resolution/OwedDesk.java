package io.fupin.settlement.resolution;

import io.fupin.settlement.ledger.AccountType;
import io.fupin.settlement.ledger.Ledger;
import io.fupin.settlement.ledger.Posting;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.fupin.support.problem.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What households owe back: a refund after completion clawed their part back from payable, leaving a negative
 * balance. Each later payable credit recovers it first (a batch pays only a positive balance), and what is still
 * held for the household becomes payable on completion. When it should not be recovered, one clerk proposes a
 * write-off and another approves it (maker-checker): only the approval posts, payable back to zero against
 * {@code WRITTEN_OFF}.
 */
@Service
public class OwedDesk {

    private static final Logger log = LoggerFactory.getLogger(OwedDesk.class);

    private final Ledger ledger;
    private final OwedWriteOffs writeOffs;
    private final ResolutionReports reports;
    private final Clock clock;

    OwedDesk(Ledger ledger, OwedWriteOffs writeOffs, ResolutionReports reports, Clock clock) {
        this.ledger = ledger;
        this.writeOffs = writeOffs;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * @param owedFen         what the household owes back now (its payable balance below zero, as a positive figure)
     * @param heldFen         what is still held for it: payable once those orders complete, recovering the debt first
     * @param pendingWriteOff the write-off waiting for a second clerk, if any
     */
    public record OwedBalance(UUID householdId, String registrationNumber, long owedFen, long heldFen,
            WriteOff pendingWriteOff) {
    }

    /** Households that owe back, most owed first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public Page<OwedBalance> owed(PageRequest page) {
        return reports.owed(page);
    }

    /**
     * @param status {@code PROPOSED} (waiting for a second clerk), {@code APPROVED} (posted), {@code REJECTED}
     */
    public record WriteOff(UUID writeOffId, UUID householdId, long amountFen, String note, String status,
            String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt) {
    }

    /** Proposes writing off up to what the household owes now; one proposal waits per household. */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public WriteOff propose(UUID householdId, long amountFen, String note, Caller clerk) {
        long owed = ledger.lockedBalance(AccountType.HOUSEHOLD_PAYABLE, householdId);
        if (owed <= 0) {
            throw new ResolutionRefused(ProblemType.NOTHING_OWED, "Household " + householdId + " owes nothing back.");
        }
        if (amountFen > owed) {
            throw new InvalidResolution("amountFen", "Household " + householdId + " owes " + owed
                    + " fen back; a write-off cannot exceed it.");
        }
        OwedWriteOff waiting = writeOffs.findByPendingHousehold(householdId).orElse(null);
        if (waiting != null) {
            if (waiting.sameProposal(clerk.userId(), amountFen, note)) {
                return waiting.view();
            }
            throw new ResolutionRefused(ProblemType.WRITE_OFF_PENDING, "A write-off of " + waiting.amountFen()
                    + " fen proposed by " + waiting.proposedBy() + " waits for approval; approve or reject it first.");
        }
        OwedWriteOff proposed;
        try {
            proposed = writeOffs.save(OwedWriteOff.propose(householdId, amountFen, note, clerk.userId(), clock.instant()));
        } catch (DuplicateKeyException concurrent) {
            throw new ResolutionRefused(ProblemType.WRITE_OFF_PENDING, "Another write-off for household " + householdId
                    + " was proposed at the same moment; approve or reject it first.");
        }
        log.info("Clerk {} proposed writing off {} fen owed by household {}", clerk.userId(), amountFen, householdId);
        return proposed.view();
    }

    /**
     * A second clerk approves: the household's payable is credited the amount, {@code WRITTEN_OFF} debited, in one
     * entry keyed {@code write-off:<id>}. Approving an approved write-off again changes nothing.
     */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public WriteOff approve(UUID writeOffId, Caller clerk) {
        OwedWriteOff writeOff = forDecision(writeOffId);
        if (!writeOff.approve(clerk.userId(), clock.instant())) {
            return writeOff.view();
        }
        long owed = ledger.lockedBalance(AccountType.HOUSEHOLD_PAYABLE, writeOff.householdId());
        if (writeOff.amountFen() > owed) {
            throw new ResolutionRefused(ProblemType.EXCEEDS_OWED, "Household " + writeOff.householdId() + " owes "
                    + Math.max(owed, 0) + " fen back now (later payable recovered part of it), less than the "
                    + writeOff.amountFen() + " fen proposed; reject it and propose again.");
        }
        ledger.post(Posting.builder("write-off:" + writeOffId, "WRITTEN_OFF", writeOff.decidedAt())
                .memo("Write-off proposed by " + writeOff.proposedBy() + ", approved by " + clerk.userId())
                .debit(AccountType.WRITTEN_OFF, null, writeOff.amountFen(), null)
                .credit(AccountType.HOUSEHOLD_PAYABLE, writeOff.householdId(), writeOff.amountFen(), null)
                .build());
        log.info("Clerk {} approved writing off {} fen owed by household {} (proposed by {})", clerk.userId(),
                writeOff.amountFen(), writeOff.householdId(), writeOff.proposedBy());
        return writeOffs.save(writeOff).view();
    }

    /** Any clerk rejects a proposal (its maker withdraws it): nothing is posted. Rejecting twice changes nothing. */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public WriteOff reject(UUID writeOffId, Caller clerk) {
        OwedWriteOff writeOff = forDecision(writeOffId);
        if (!writeOff.reject(clerk.userId(), clock.instant())) {
            return writeOff.view();
        }
        log.info("Clerk {} rejected the write-off {} of household {}", clerk.userId(), writeOffId, writeOff.householdId());
        return writeOffs.save(writeOff).view();
    }

    /** Every write-off, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public Page<WriteOff> writeOffs(PageRequest page) {
        return Page.of(writeOffs.findAllByOrderByProposedAtDescIdAsc(
                org.springframework.data.domain.PageRequest.of(page.page(), page.size())), page, writeOffs.count())
                .map(OwedWriteOff::view);
    }

    private OwedWriteOff forDecision(UUID writeOffId) {
        return writeOffs.findForDecision(writeOffId)
                .orElseThrow(() -> new ResolutionNotFound("No write-off " + writeOffId + "."));
    }
}
