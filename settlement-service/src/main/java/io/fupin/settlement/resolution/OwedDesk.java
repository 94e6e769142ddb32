package io.fupin.settlement.resolution;

import io.fupin.settlement.households.HouseholdDirectory;
import io.fupin.settlement.households.Payee;
import io.fupin.settlement.ledger.AccountType;
import io.fupin.settlement.ledger.Ledger;
import io.fupin.settlement.ledger.Posting;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.fupin.support.problem.ProblemType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final Ledger ledger;
    private final HouseholdDirectory households;
    private final JdbcClient jdbc;
    private final Clock clock;

    OwedDesk(Ledger ledger, HouseholdDirectory households, JdbcClient jdbc, Clock clock) {
        this.ledger = ledger;
        this.households = households;
        this.jdbc = jdbc;
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
        List<Map.Entry<UUID, Long>> owing = ledger.partyBalancesBefore(AccountType.HOUSEHOLD_PAYABLE, END_OF_TIME)
                .entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<UUID, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        return Page.slice(owing, page).map(e -> new OwedBalance(e.getKey(),
                households.payee(e.getKey()).map(Payee::registrationNumber).orElse(null), e.getValue(),
                -ledger.balance(AccountType.HOUSEHOLD_HELD, e.getKey()), pending(e.getKey())));
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
        WriteOff waiting = pending(householdId);
        if (waiting != null) {
            if (waiting.proposedBy().equals(clerk.userId()) && waiting.amountFen() == amountFen
                    && waiting.note().equals(note.strip())) {
                return waiting;
            }
            throw new ResolutionRefused(ProblemType.WRITE_OFF_PENDING, "A write-off of " + waiting.amountFen()
                    + " fen proposed by " + waiting.proposedBy() + " waits for approval; approve or reject it first.");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO owed_write_off (id, household_id, amount_fen, note, status, proposed_by, proposed_at,
                                                pending_household)
                    VALUES (?, ?, ?, ?, 'PROPOSED', ?, ?, ?)""")
                    .params(id.toString(), householdId.toString(), amountFen, note.strip(), clerk.userId(),
                            Timestamp.from(clock.instant()), householdId.toString())
                    .update();
        } catch (DuplicateKeyException concurrent) {
            throw new ResolutionRefused(ProblemType.WRITE_OFF_PENDING, "Another write-off for household " + householdId
                    + " was proposed at the same moment; approve or reject it first.");
        }
        log.info("Clerk {} proposed writing off {} fen owed by household {}", clerk.userId(), amountFen, householdId);
        return find(id);
    }

    /**
     * A second clerk approves: the household's payable is credited the amount, {@code WRITTEN_OFF} debited, in one
     * entry keyed {@code write-off:<id>}. Approving an approved write-off again changes nothing.
     */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public WriteOff approve(UUID writeOffId, Caller clerk) {
        WriteOff writeOff = forUpdate(writeOffId);
        if (writeOff.status().equals("APPROVED")) {
            return writeOff;
        }
        requireProposed(writeOff);
        if (writeOff.proposedBy().equals(clerk.userId())) {
            throw new ResolutionRefused(ProblemType.OWN_APPROVAL, "The clerk who proposed a write-off cannot approve it; "
                    + "another clerk must.");
        }
        long owed = ledger.lockedBalance(AccountType.HOUSEHOLD_PAYABLE, writeOff.householdId());
        if (writeOff.amountFen() > owed) {
            throw new ResolutionRefused(ProblemType.EXCEEDS_OWED, "Household " + writeOff.householdId() + " owes "
                    + Math.max(owed, 0) + " fen back now (later payable recovered part of it), less than the "
                    + writeOff.amountFen() + " fen proposed; reject it and propose again.");
        }
        Instant now = clock.instant();
        ledger.post(Posting.builder("write-off:" + writeOffId, "WRITTEN_OFF", now)
                .memo("Write-off proposed by " + writeOff.proposedBy() + ", approved by " + clerk.userId())
                .debit(AccountType.WRITTEN_OFF, null, writeOff.amountFen(), null)
                .credit(AccountType.HOUSEHOLD_PAYABLE, writeOff.householdId(), writeOff.amountFen(), null)
                .build());
        decide(writeOffId, "APPROVED", clerk, now);
        log.info("Clerk {} approved writing off {} fen owed by household {} (proposed by {})", clerk.userId(),
                writeOff.amountFen(), writeOff.householdId(), writeOff.proposedBy());
        return find(writeOffId);
    }

    /** Any clerk rejects a proposal (its maker withdraws it): nothing is posted. Rejecting twice changes nothing. */
    @Transactional
    @PreAuthorize("hasRole('CLERK')")
    public WriteOff reject(UUID writeOffId, Caller clerk) {
        WriteOff writeOff = forUpdate(writeOffId);
        if (writeOff.status().equals("REJECTED")) {
            return writeOff;
        }
        requireProposed(writeOff);
        decide(writeOffId, "REJECTED", clerk, clock.instant());
        log.info("Clerk {} rejected the write-off {} of household {}", clerk.userId(), writeOffId, writeOff.householdId());
        return find(writeOffId);
    }

    /** Every write-off, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    public Page<WriteOff> writeOffs(PageRequest page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM owed_write_off").query(Long.class).single();
        return Page.of(jdbc.sql(SELECT + " ORDER BY proposed_at DESC, id LIMIT ? OFFSET ?")
                .params(page.size(), (long) page.page() * page.size()).query(OwedDesk::map).list(), page, total);
    }

    private static void requireProposed(WriteOff writeOff) {
        if (!writeOff.status().equals("PROPOSED")) {
            throw new ResolutionRefused(ProblemType.WRITE_OFF_DECIDED, "The write-off was already " 
                    + writeOff.status().toLowerCase(java.util.Locale.ROOT) + " by " + writeOff.decidedBy() + ".");
        }
    }

    private void decide(UUID writeOffId, String status, Caller clerk, Instant at) {
        jdbc.sql("""
                UPDATE owed_write_off SET status = ?, decided_by = ?, decided_at = ?, pending_household = NULL
                WHERE id = ? AND status = 'PROPOSED'""")
                .params(status, clerk.userId(), Timestamp.from(at), writeOffId.toString()).update();
    }

    private static final String SELECT = """
            SELECT id, household_id, amount_fen, note, status, proposed_by, proposed_at, decided_by, decided_at
            FROM owed_write_off""";

    private WriteOff pending(UUID householdId) {
        return jdbc.sql(SELECT + " WHERE pending_household = ?").param(householdId.toString()).query(OwedDesk::map)
                .optional().orElse(null);
    }

    private WriteOff forUpdate(UUID writeOffId) {
        return jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE").param(writeOffId.toString()).query(OwedDesk::map)
                .optional().orElseThrow(() -> new ResolutionNotFound("No write-off " + writeOffId + "."));
    }

    private WriteOff find(UUID writeOffId) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(writeOffId.toString()).query(OwedDesk::map).single();
    }

    private static WriteOff map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp(9);
        return new WriteOff(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)), rs.getLong(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                decided == null ? null : decided.toInstant());
    }
}
