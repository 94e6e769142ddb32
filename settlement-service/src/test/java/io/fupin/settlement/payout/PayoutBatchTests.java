package io.fupin.settlement.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PayoutBatchTests {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final UUID household = UUID.randomUUID();

    @Test
    void theClerkWhoClosedABatchCannotApproveIt() {
        PayoutBatch batch = batch();
        assertThatThrownBy(() -> batch.approve("clerk", NOW)).isInstanceOf(BatchConflict.class)
                .extracting(e -> ((BatchConflict) e).type().slug()).isEqualTo("own-approval");
        assertThat(batch.status()).isEqualTo(PayoutBatch.Status.CLOSED);
        batch.approve("clerk2", NOW);
        assertThat(batch.status()).isEqualTo(PayoutBatch.Status.APPROVED);
    }

    @Test
    void anUnapprovedBatchCannotBeExportedNorPaid() {
        PayoutBatch batch = batch();
        assertThatThrownBy(() -> batch.export("clerk", NOW)).extracting(e -> ((BatchConflict) e).type().slug())
                .isEqualTo("batch-not-approved");
        assertThatThrownBy(() -> batch.markPaid("BANK-1", Set.of(), "clerk", NOW))
                .extracting(e -> ((BatchConflict) e).type().slug()).isEqualTo("batch-not-exported");
    }

    @Test
    void aBatchIsPaidOnceAndFailedLinesAreMarked() {
        PayoutBatch batch = batch();
        batch.approve("clerk2", NOW);
        batch.export("clerk", NOW);
        assertThatThrownBy(() -> batch.markPaid("BANK-1", Set.of(UUID.randomUUID()), "clerk", NOW))
                .isInstanceOf(UnknownFailedLines.class);
        batch.markPaid("BANK-1", Set.of(household), "clerk", NOW);
        assertThat(batch.sortedLines()).extracting(PayoutLine::status).containsExactly(PayoutLine.LineStatus.FAILED);
        assertThatThrownBy(() -> batch.markPaid("BANK-2", Set.of(), "clerk", NOW))
                .extracting(e -> ((BatchConflict) e).type().slug()).isEqualTo("batch-already-paid");
        assertThat(batch.bankReference()).isEqualTo("BANK-1");
    }

    private PayoutBatch batch() {
        return PayoutBatch.close(new PayoutBatchId(UUID.randomUUID()), new SettlementPeriodId(UUID.randomUUID()), "FPB-1",
                List.of(new PayoutLine(household, 100, PayoutLine.LineStatus.PENDING, "R1", "王", "银行", "6228", "")),
                "clerk", NOW);
    }
}
