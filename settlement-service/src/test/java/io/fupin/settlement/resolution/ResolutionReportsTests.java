package io.fupin.settlement.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.fupin.support.testing.RepositorySlice;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The clerks' lists across the ledger, households and settled lines, on the real MariaDB; every test rolls back. */
@RepositorySlice
@Import(ResolutionReports.class)
class ResolutionReportsTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    // Far above what any other test leaves owed, so these households head the list.
    private static final long A_LOT = 900_000_000_000_000L;

    @Autowired
    ResolutionReports reports;
    @Autowired
    OwedWriteOffs writeOffs;
    @Autowired
    SuspenseFollowUps followUps;
    @Autowired
    JdbcClient jdbc;

    @Test
    void owedIsPagedInTheDatabaseMostOwedFirstWithWhatIsHeldAndTheWriteOffWaiting() {
        UUID most = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID square = UUID.randomUUID();
        journal("HOUSEHOLD_PAYABLE", most, A_LOT + 3);
        journal("HOUSEHOLD_PAYABLE", most, -1);
        journal("HOUSEHOLD_HELD", most, -700);
        journal("HOUSEHOLD_HELD", most, -50);
        journal("HOUSEHOLD_PAYABLE", next, A_LOT + 1);
        journal("HOUSEHOLD_PAYABLE", third, A_LOT);
        journal("HOUSEHOLD_PAYABLE", square, 400);
        journal("HOUSEHOLD_PAYABLE", square, -400);
        jdbc.sql("INSERT INTO household (household_id, registration_number, head_name, changed_at) VALUES (?, ?, ?, ?)")
                .params(most.toString(), "HH-001", "王", Timestamp.from(NOW)).update();
        OwedWriteOff waiting = writeOffs.save(OwedWriteOff.propose(next, 100, "uncollectable", "maker", NOW));

        Page<OwedDesk.OwedBalance> first = reports.owed(new PageRequest(0, 2));
        assertThat(first.items()).extracting(OwedDesk.OwedBalance::householdId, OwedDesk.OwedBalance::registrationNumber,
                OwedDesk.OwedBalance::owedFen, OwedDesk.OwedBalance::heldFen).containsExactly(
                tuple(most, "HH-001", A_LOT + 2, 750L),
                tuple(next, null, A_LOT + 1, 0L));
        assertThat(first.items().get(0).pendingWriteOff()).isNull();
        assertThat(first.items().get(1).pendingWriteOff()).isEqualTo(waiting.view());
        assertThat(first.totalItems()).isGreaterThanOrEqualTo(3);

        assertThat(reports.owed(new PageRequest(1, 2)).items()).extracting(OwedDesk.OwedBalance::householdId)
                .startsWith(third).doesNotContain(square);
    }

    @Test
    void followUpsAreNewestFirstEachSayingWhetherItsLineLeftSuspense() {
        // Left by the integration tests of an earlier run; deleted in this test's transaction only.
        jdbc.sql("DELETE FROM suspense_follow_up").update();
        UUID order = UUID.randomUUID();
        line(order, 1, null, 0);
        line(order, 2, UUID.randomUUID(), 0);
        line(order, 3, null, 2);
        SuspenseFollowUp waiting = ask(order, 1, NOW);
        SuspenseFollowUp allocated = ask(order, 2, NOW.plusSeconds(1));
        SuspenseFollowUp refunded = ask(order, 3, NOW.plusSeconds(2));

        Page<SuspenseDesk.FollowUp> page = reports.followUps(new PageRequest(0, 2));
        assertThat(page.items()).containsExactly(refunded.view(true), allocated.view(true));
        assertThat(page.totalItems()).isEqualTo(3);
        assertThat(reports.followUps(new PageRequest(1, 2)).items()).containsExactly(waiting.view(false));
    }

    private SuspenseFollowUp ask(UUID order, int lineNo, Instant at) {
        return followUps.save(SuspenseFollowUp.ask(order, lineNo, UUID.randomUUID(), UUID.randomUUID(),
                "declare the linkage", "clerk", at));
    }

    private void line(UUID order, int lineNo, UUID linkage, int refunded) {
        jdbc.sql("""
                INSERT INTO settled_line (order_id, line_no, product_id, seller_id, quantity, refunded_quantity,
                                          unit_price_fen, unit_cost_fen, paid_at, linkage_id, linkage_version)
                VALUES (?, ?, ?, ?, 2, ?, 1000, 600, ?, ?, ?)""")
                .params(order.toString(), lineNo, UUID.randomUUID().toString(), UUID.randomUUID().toString(), refunded,
                        Timestamp.from(NOW), linkage == null ? null : linkage.toString(), linkage == null ? null : 1)
                .update();
    }

    private void journal(String account, UUID party, long amountFen) {
        jdbc.sql("INSERT INTO journal_line (entry_id, account, party_id, amount_fen, effective_at) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), account, party.toString(), amountFen, Timestamp.from(NOW)).update();
    }
}
