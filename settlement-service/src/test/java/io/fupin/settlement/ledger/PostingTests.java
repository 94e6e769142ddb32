package io.fupin.settlement.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostingTests {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void refusesAPostingWhoseDebitsDoNotEqualItsCredits() {
        UUID household = UUID.randomUUID();
        Posting.Builder builder = Posting.builder("paid:x", "PAID", NOW)
                .debit(AccountType.RECEIPTS_CLEARING, null, 1000, null)
                .credit(AccountType.HOUSEHOLD_HELD, household, 999, null);
        assertThatThrownBy(builder::build).isInstanceOf(Posting.UnbalancedPosting.class).hasMessageContaining("1 fen");
    }

    @Test
    void dropsZeroAmountsAndKeepsBalancedLines() {
        UUID household = UUID.randomUUID();
        Posting posting = Posting.builder("paid:y", "PAID", NOW)
                .debit(AccountType.RECEIPTS_CLEARING, null, 1000, null)
                .credit(AccountType.PLATFORM_MARGIN, null, 0, null)
                .credit(AccountType.HOUSEHOLD_HELD, household, 1000, null)
                .build();
        assertThat(posting.lines()).hasSize(2);
        assertThat(posting.debitTotal()).isEqualTo(1000);
    }

    @Test
    void householdAccountsNeedAPartyAndSharedAccountsTakeNone() {
        assertThatThrownBy(() -> new Posting.Line(AccountType.HOUSEHOLD_PAYABLE, null, 5, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Posting.Line(AccountType.SUSPENSE, UUID.randomUUID(), 5, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Posting("k", "K", null, null, NOW, null,
                List.of(new Posting.Line(AccountType.SUSPENSE, null, 5, null, null))))
                .isInstanceOf(Posting.UnbalancedPosting.class);
    }
}
