package io.fupin.settlement.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One journal entry: lines whose debits equal their credits. A posting that does not balance cannot be
 * built, so it can never reach the ledger.
 *
 * @param key         what makes the entry unique (e.g. {@code paid:<orderId>}): posting the same key twice
 *                    records it once
 * @param kind        what happened, e.g. {@code PAID}, {@code REFUNDED}, {@code COMPLETED}
 * @param effectiveAt the business time of the fact (paid, refunded, completed ...), which decides its period
 */
public record Posting(String key, String kind, UUID orderId, UUID batchId, Instant effectiveAt, String memo,
        List<Line> lines) {

    public Posting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        lines = List.copyOf(lines);
        long sum = 0;
        for (Line line : lines) {
            sum = Math.addExact(sum, line.amountFen());
        }
        if (sum != 0) {
            throw new UnbalancedPosting(key, sum);
        }
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public long debitTotal() {
        return lines.stream().mapToLong(Line::amountFen).filter(a -> a > 0).reduce(0L, Math::addExact);
    }

    /**
     * @param amountFen signed: positive debit, negative credit; never zero
     * @param party     the household or seller of a per-party account, else {@code null}
     */
    public record Line(AccountType account, UUID party, long amountFen, UUID orderId, UUID productId) {
        public Line {
            Objects.requireNonNull(account, "account");
            if (amountFen == 0) {
                throw new IllegalArgumentException("A journal line moves money; zero lines are left out");
            }
            if (account.perParty() != (party != null)) {
                throw new IllegalArgumentException(account + (account.perParty() ? " needs" : " takes no") + " party");
            }
        }
    }

    public static Builder builder(String key, String kind, Instant effectiveAt) {
        return new Builder(key, kind, effectiveAt);
    }

    /** Collects debits and credits; zero amounts are dropped, so callers need not test for them. */
    public static final class Builder {
        private final String key;
        private final String kind;
        private final Instant effectiveAt;
        private UUID orderId;
        private UUID batchId;
        private String memo;
        private final List<Line> lines = new ArrayList<>();

        private Builder(String key, String kind, Instant effectiveAt) {
            this.key = key;
            this.kind = kind;
            this.effectiveAt = effectiveAt;
        }

        public Builder order(UUID orderId) {
            this.orderId = orderId;
            return this;
        }

        public Builder batch(UUID batchId) {
            this.batchId = batchId;
            return this;
        }

        public Builder memo(String memo) {
            this.memo = memo;
            return this;
        }

        public Builder debit(AccountType account, UUID party, long amountFen, UUID productId) {
            return add(account, party, amountFen, productId);
        }

        public Builder credit(AccountType account, UUID party, long amountFen, UUID productId) {
            return add(account, party, Math.negateExact(amountFen), productId);
        }

        private Builder add(AccountType account, UUID party, long signedFen, UUID productId) {
            if (signedFen != 0) {
                lines.add(new Line(account, party, signedFen, orderId, productId));
            }
            return this;
        }

        public Posting build() {
            return new Posting(key, kind, orderId, batchId, effectiveAt, memo, lines);
        }
    }

    /** Debits and credits differ: a bug, never something to store. */
    public static class UnbalancedPosting extends IllegalStateException {
        UnbalancedPosting(String key, long differenceFen) {
            super("Posting " + key + " does not balance: debits exceed credits by " + differenceFen + " fen");
        }
    }
}
