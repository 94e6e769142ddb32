package io.fupin.settlement.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.testing.RepositorySlice;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Follow-ups on lines in suspense on the real MariaDB; every test rolls back. */
@RepositorySlice
class SuspenseFollowUpsTests {

    @Autowired
    SuspenseFollowUps followUps;

    @Test
    void findsTheSameNoteOnTheSameLineByTheSameClerkOnly() {
        UUID order = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        Instant now = Instant.parse("2030-01-02T03:04:05Z");
        SuspenseFollowUp asked = followUps.save(SuspenseFollowUp.ask(order, 1, product, seller, " 请申报 ", "clerk-a", now));

        assertThat(followUps.findById(asked.id()).orElseThrow().view(false)).isEqualTo(new SuspenseDesk.FollowUp(
                asked.id(), order, 1, product, seller, "请申报", "clerk-a", now, false));
        assertThat(followUps.findByOrderIdAndLineNoAndAskedByAndNote(order, 1, "clerk-a", "请申报")).isPresent();
        assertThat(followUps.findByOrderIdAndLineNoAndAskedByAndNote(order, 1, "clerk-b", "请申报")).isEmpty();
        assertThat(followUps.findByOrderIdAndLineNoAndAskedByAndNote(order, 2, "clerk-a", "请申报")).isEmpty();
        assertThat(followUps.findByOrderIdAndLineNoAndAskedByAndNote(order, 1, "clerk-a", "请另申报")).isEmpty();
    }
}
