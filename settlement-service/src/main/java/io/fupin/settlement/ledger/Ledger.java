package io.fupin.settlement.ledger;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journal: appends balanced postings exactly once (by their key) and answers balances. Nothing here
 * updates or deletes a row; the database refuses it too.
 */
@Service
public class Ledger {

    private static final String NO_PARTY = "";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final MeterRegistry meters;

    Ledger(JdbcClient jdbc, JdbcTemplate template, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Appends the posting unless one with its key is already there.
     *
     * @return {@code true} if it was recorded now, {@code false} if it was empty or recorded before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean post(Posting posting) {
        return postAll(List.of(posting)) == 1;
    }

    /**
     * Appends many postings with batched inserts (a large order, a rebuild, a benchmark). Keys already in
     * the journal are skipped; a concurrent writer of the same key makes the unique index fail this
     * transaction, which is then retried and finds the key recorded.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int postAll(List<Posting> postings) {
        List<Posting> candidates = postings.stream().filter(p -> !p.isEmpty()).toList();
        if (candidates.isEmpty()) {
            return 0;
        }
        Set<String> existing = existingKeys(candidates.stream().map(Posting::key).toList());
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> entries = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>(existing);
        for (Posting posting : candidates) {
            if (!seen.add(posting.key())) {
                continue;
            }
            String entryId = UUID.randomUUID().toString();
            Timestamp effective = Timestamp.from(posting.effectiveAt());
            meters.counter("fupin.settlement.postings", "kind", posting.kind()).increment();
            entries.add(new Object[] {entryId, posting.key(), posting.kind(), text(posting.orderId()),
                    text(posting.batchId()), effective, now, posting.memo()});
            for (Posting.Line line : posting.lines()) {
                lines.add(new Object[] {entryId, line.account().name(),
                        line.party() == null ? NO_PARTY : line.party().toString(), line.amountFen(),
                        text(line.orderId()), text(line.productId()), effective});
            }
        }
        if (entries.isEmpty()) {
            return 0;
        }
        template.batchUpdate("""
                INSERT INTO journal_entry (id, entry_key, kind, order_id, batch_id, effective_at, recorded_at, memo)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", entries);
        template.batchUpdate("""
                INSERT INTO journal_line (entry_id, account, party_id, amount_fen, order_id, product_id, effective_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", lines);
        return entries.size();
    }

    private Set<String> existingKeys(List<String> keys) {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < keys.size(); from += 1000) {
            found.addAll(jdbc.sql("SELECT entry_key FROM journal_entry WHERE entry_key IN (:keys)")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + 1000)))
                    .query(String.class).list());
        }
        return found;
    }

    /** Whether an entry with this key has been recorded. */
    @Transactional(readOnly = true)
    public boolean recorded(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE entry_key = ?").param(key).query(Long.class)
                .single() > 0;
    }

    /** The signed balance (debit positive) of one account. */
    @Transactional(readOnly = true)
    public long balance(AccountType account, UUID party) {
        return jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM journal_line WHERE account = ? AND party_id = ?")
                .params(account.name(), party == null ? NO_PARTY : party.toString()).query(Long.class).single();
    }

    /**
     * The signed balance of one account, its lines locked for this transaction: another posting to this party's
     * account waits until it ends, so a decision taken on the balance still holds when its own posting is made.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long lockedBalance(AccountType account, UUID party) {
        return jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM journal_line WHERE account = ? AND party_id = ? FOR UPDATE")
                .params(account.name(), party == null ? NO_PARTY : party.toString()).query(Long.class).single();
    }

    /** Signed balances of every account type, summed over all parties. */
    @Transactional(readOnly = true)
    public Map<AccountType, Long> totals() {
        return movements(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"));
    }

    /** Signed sums per account type of the lines effective in [from, to). */
    @Transactional(readOnly = true)
    public Map<AccountType, Long> movements(Instant from, Instant to) {
        Map<AccountType, Long> sums = new EnumMap<>(AccountType.class);
        for (AccountType type : AccountType.values()) {
            sums.put(type, 0L);
        }
        jdbc.sql("""
                SELECT account, SUM(amount_fen) FROM journal_line
                WHERE effective_at >= ? AND effective_at < ? GROUP BY account""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> sums.put(AccountType.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return sums;
    }

    /** Per party, the signed balance of an account counting only lines effective before {@code before}. */
    @Transactional(readOnly = true)
    public Map<UUID, Long> partyBalancesBefore(AccountType account, Instant before) {
        Map<UUID, Long> balances = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT party_id, SUM(amount_fen) FROM journal_line
                WHERE account = ? AND effective_at < ? GROUP BY party_id ORDER BY party_id""")
                .params(account.name(), Timestamp.from(before))
                .query((rs, n) -> balances.put(UUID.fromString(rs.getString(1)), rs.getLong(2))).list();
        return balances;
    }

    /** Signed sums per order of one shared (not per-party) account's lines effective in [from, to). */
    @Transactional(readOnly = true)
    public Map<UUID, Long> orderMovements(AccountType account, Instant from, Instant to) {
        Map<UUID, Long> sums = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT order_id, SUM(amount_fen) FROM journal_line
                WHERE account = ? AND party_id = ? AND effective_at >= ? AND effective_at < ? AND order_id IS NOT NULL
                GROUP BY order_id ORDER BY order_id""")
                .params(account.name(), NO_PARTY, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> sums.put(UUID.fromString(rs.getString(1)), rs.getLong(2))).list();
        return sums;
    }

    /** The orders behind a party's lines on an account effective in [from, to). */
    @Transactional(readOnly = true)
    public List<UUID> ordersOf(AccountType account, UUID party, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT DISTINCT order_id FROM journal_line
                WHERE account = ? AND party_id = ? AND effective_at >= ? AND effective_at < ? AND order_id IS NOT NULL
                ORDER BY order_id""")
                .params(account.name(), party.toString(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> UUID.fromString(rs.getString(1))).list();
    }

    /** Every line on any of a party's accounts, oldest first: the raw material of a statement. */
    @Transactional(readOnly = true)
    public List<PartyLine> linesOf(UUID party) {
        return jdbc.sql("""
                SELECT e.kind, e.entry_key, l.account, l.amount_fen, l.order_id, l.product_id, l.effective_at, e.batch_id
                FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
                WHERE l.party_id = ? ORDER BY l.effective_at, l.id""")
                .param(party.toString())
                .query((rs, n) -> new PartyLine(rs.getString(1), rs.getString(2), AccountType.valueOf(rs.getString(3)),
                        rs.getLong(4), uuid(rs.getString(5)), uuid(rs.getString(6)), rs.getTimestamp(7).toInstant(),
                        uuid(rs.getString(8))))
                .list();
    }

    /** One journal line as a party sees it; {@code amountFen} is signed (debit positive). */
    public record PartyLine(String kind, String entryKey, AccountType account, long amountFen, UUID orderId,
            UUID productId, Instant effectiveAt, UUID batchId) {
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(String text) {
        return text == null || text.isEmpty() ? null : UUID.fromString(text);
    }
}
