package io.fupin.settlement.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.support.testing.RepositorySlice;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Payout batches with their lines on the real MariaDB; every test rolls back. */
@RepositorySlice
class PayoutBatchesTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    PayoutBatches batches;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noBatchesYet() {
        // Left by the integration tests of an earlier run; deleted in this test's transaction only.
        jdbc.sql("DELETE FROM payout_line").update();
        jdbc.sql("DELETE FROM payout_batch").update();
    }

    @Test
    void keepsItsLinesAndTheBanksAnswerWithTheBatch() {
        UUID paid = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        PayoutBatch closed = batches.save(batch(line(paid, 4_000), line(failed, 2_500)));

        PayoutBatch read = batches.findById(closed.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(PayoutBatch.Status.CLOSED);
        assertThat(read.totalFen()).isEqualTo(6_500);
        assertThat(read.sortedLines()).extracting(PayoutLine::householdId, PayoutLine::amountFen, PayoutLine::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(paid, 4_000L, PayoutLine.LineStatus.PENDING),
                        org.assertj.core.groups.Tuple.tuple(failed, 2_500L, PayoutLine.LineStatus.PENDING));

        read.approve("checker", NOW);
        read.export("checker", NOW);
        read.markPaid("BANK-1", Set.of(failed), "maker", NOW.plusSeconds(60));
        batches.save(read);

        PayoutBatch paidBatch = batches.findById(closed.id()).orElseThrow();
        assertThat(paidBatch.status()).isEqualTo(PayoutBatch.Status.PAID);
        assertThat(paidBatch.bankReference()).isEqualTo("BANK-1");
        assertThat(paidBatch.paidAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(paidBatch.sortedLines()).extracting(PayoutLine::householdId, PayoutLine::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(paid, PayoutLine.LineStatus.PAID),
                        org.assertj.core.groups.Tuple.tuple(failed, PayoutLine.LineStatus.FAILED));
        assertThat(paidBatch.view().approvedBy()).isEqualTo("checker");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payout_line WHERE batch_id = ?").param(closed.id().value().toString())
                .query(Long.class).single()).as("lines rewritten, not added").isEqualTo(2);
    }

    @Test
    void aCopyReadBeforeAnotherClerksChangeIsNotSaved() {
        PayoutBatch closed = batches.save(batch(line(UUID.randomUUID(), 1_000)));
        PayoutBatch first = batches.findById(closed.id()).orElseThrow();
        PayoutBatch second = batches.findById(closed.id()).orElseThrow();
        first.approve("checker", NOW);
        batches.save(first);

        second.approve("another-checker", NOW);
        assertThatThrownBy(() -> batches.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(batches.findById(closed.id()).orElseThrow().view().approvedBy()).isEqualTo("checker");
    }

    @Test
    void countsAndTotalsTheBatchesOfEachStatus() {
        batches.save(batch(line(UUID.randomUUID(), 1_000), line(UUID.randomUUID(), 1)));
        batches.save(batch(line(UUID.randomUUID(), 300)));
        PayoutBatch approved = batch(line(UUID.randomUUID(), 7_000));
        approved.approve("checker", NOW);
        batches.save(approved);

        assertThat(batches.countByStatus(PayoutBatch.Status.CLOSED)).isEqualTo(2);
        assertThat(batches.totalFenByStatus(PayoutBatch.Status.CLOSED)).isEqualTo(1_301);
        assertThat(batches.countByStatus(PayoutBatch.Status.APPROVED)).isEqualTo(1);
        assertThat(batches.totalFenByStatus(PayoutBatch.Status.APPROVED)).isEqualTo(7_000);
        assertThat(batches.countByStatus(PayoutBatch.Status.PAID)).isZero();
        assertThat(batches.totalFenByStatus(PayoutBatch.Status.PAID)).isZero();
    }

    @Test
    void findsTheBatchesOfTheGivenPeriods() {
        PayoutBatch a = batches.save(batch(line(UUID.randomUUID(), 100)));
        PayoutBatch b = batches.save(batch(line(UUID.randomUUID(), 200)));
        batches.save(batch(line(UUID.randomUUID(), 300)));

        assertThat(batches.findByPeriodIdIn(List.of(a.periodId(), b.periodId(), new SettlementPeriodId(UUID.randomUUID()))))
                .extracting(PayoutBatch::id).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(batches.findByPeriodIdIn(List.of(new SettlementPeriodId(UUID.randomUUID())))).isEmpty();
    }

    private static PayoutBatch batch(PayoutLine... lines) {
        UUID id = UUID.randomUUID();
        return PayoutBatch.close(new PayoutBatchId(id), new SettlementPeriodId(UUID.randomUUID()),
                "FPB-TEST-" + id.toString().substring(0, 8), List.of(lines),
                "maker", NOW);
    }

    private static PayoutLine line(UUID household, long fen) {
        return new PayoutLine(household, fen, PayoutLine.LineStatus.PENDING, "230113-" + household.toString()
                .substring(0, 4), "王大山", "中国农业银行", "6228480000000001", UUID.randomUUID().toString());
    }
}
