package io.fupin.settlement.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.support.testing.RepositorySlice;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Write-offs of what households owe back on the real MariaDB; every test rolls back. */
@RepositorySlice
class OwedWriteOffsTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    OwedWriteOffs writeOffs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void oneProposalWaitsPerHouseholdUntilItIsDecided() {
        UUID household = UUID.randomUUID();
        OwedWriteOff first = writeOffs.save(OwedWriteOff.propose(household, 1_200, "  uncollectable ", "maker", NOW));
        assertThat(writeOffs.findByPendingHousehold(household)).map(OwedWriteOff::id).contains(first.id());

        assertThatThrownBy(() -> writeOffs.save(OwedWriteOff.propose(household, 300, "another", "checker", NOW)))
                .isInstanceOf(DuplicateKeyException.class);

        OwedWriteOff decided = writeOffs.findForDecision(first.id()).orElseThrow();
        assertThat(decided.reject("maker", NOW.plusSeconds(5))).isTrue();
        writeOffs.save(decided);
        assertThat(writeOffs.findByPendingHousehold(household)).isEmpty();
        assertThat(writeOffs.findById(first.id()).orElseThrow().view())
                .extracting(OwedDesk.WriteOff::status, OwedDesk.WriteOff::note, OwedDesk.WriteOff::decidedBy,
                        OwedDesk.WriteOff::decidedAt)
                .containsExactly("REJECTED", "uncollectable", "maker", NOW.plusSeconds(5));

        OwedWriteOff second = writeOffs.save(OwedWriteOff.propose(household, 300, "another", "checker", NOW));
        assertThat(writeOffs.findByPendingHouseholdIn(java.util.List.of(household, UUID.randomUUID())))
                .extracting(OwedWriteOff::id).containsExactly(second.id());
    }

    @Test
    void aStaleCopyIsRefused() {
        OwedWriteOff proposed = writeOffs.save(OwedWriteOff.propose(UUID.randomUUID(), 500, "gone", "maker", NOW));
        OwedWriteOff mine = writeOffs.findById(proposed.id()).orElseThrow();
        OwedWriteOff theirs = writeOffs.findById(proposed.id()).orElseThrow();

        mine.approve("checker", NOW);
        writeOffs.save(mine);
        theirs.reject("other", NOW);

        assertThatThrownBy(() -> writeOffs.save(theirs)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(writeOffs.findById(proposed.id()).orElseThrow().status()).isEqualTo(OwedWriteOff.Status.APPROVED);
    }

    @Test
    void listsNewestFirstPagedInTheDatabase() {
        // Left by the integration tests of an earlier run; deleted in this test's transaction only.
        jdbc.sql("DELETE FROM owed_write_off").update();
        OwedWriteOff oldest = writeOffs.save(OwedWriteOff.propose(UUID.randomUUID(), 1, "a", "maker", NOW));
        OwedWriteOff middle = writeOffs.save(OwedWriteOff.propose(UUID.randomUUID(), 2, "b", "maker", NOW.plusSeconds(1)));
        OwedWriteOff newest = writeOffs.save(OwedWriteOff.propose(UUID.randomUUID(), 3, "c", "maker", NOW.plusSeconds(2)));

        assertThat(writeOffs.findAllByOrderByProposedAtDescIdAsc(PageRequest.of(0, 2)))
                .extracting(OwedWriteOff::id).containsExactly(newest.id(), middle.id());
        assertThat(writeOffs.findAllByOrderByProposedAtDescIdAsc(PageRequest.of(1, 2)))
                .extracting(OwedWriteOff::id).containsExactly(oldest.id());
    }
}
