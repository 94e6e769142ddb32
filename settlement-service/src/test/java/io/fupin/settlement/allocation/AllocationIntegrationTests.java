package io.fupin.settlement.allocation;

import static io.fupin.settlement.TestEvents.Line;
import static io.fupin.settlement.TestEvents.Share;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fupin.settlement.IntegrationTest;
import io.fupin.settlement.TestEvents;
import io.fupin.settlement.TestEvents.Event;
import io.fupin.settlement.ledger.AccountType;
import io.fupin.settlement.ledger.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AllocationIntegrationTests {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(30));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void aLineWithoutLinkageWaitsInSuspenseAndIsAllocatedOnceALinkageArrives() {
        UUID product = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        // 3 × 19.90 yuan, 2.00 yuan declared cost per unit: net 53.70 yuan.
        apply(TestEvents.orderPaid(order, T0, List.of(new Line(product, seller, 3, 1990, 200))));

        assertThat(suspenseOf(order)).isEqualTo(5370);
        assertThat(ledger.balance(AccountType.SELLER_COST_PAYABLE, seller)).isEqualTo(-600);

        apply(TestEvents.linkageVersioned(UUID.randomUUID(), product, 1, T0.minus(Duration.ofDays(1)),
                List.of(new Share(a, 2), new Share(b, 1))));

        assertThat(suspenseOf(order)).isZero();
        assertThat(held(a) + held(b)).isEqualTo(5370);
        assertThat(held(a)).isEqualTo(3580);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM settled_line WHERE order_id = ? AND linkage_id IS NULL")
                .param(order.toString()).query(Long.class).single()).isZero();

        apply(TestEvents.orderCompleted(order, T0.plus(Duration.ofDays(10))));
        assertThat(held(a) + held(b)).isZero();
        assertThat(payable(a)).isEqualTo(3580);
        assertThat(payable(b)).isEqualTo(1790);
    }

    @Test
    void aLinkageEffectiveOnlyAfterThePaymentLeavesTheLineInSuspense() {
        UUID product = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        apply(TestEvents.orderPaid(order, T0, List.of(new Line(product, UUID.randomUUID(), 1, 1000, 0))));
        apply(TestEvents.linkageVersioned(UUID.randomUUID(), product, 1, T0.plusSeconds(60),
                List.of(new Share(UUID.randomUUID(), 1))));
        assertThat(suspenseOf(order)).isEqualTo(1000);
    }

    @Test
    void aRefundBeforeCompletionReleasesTheHoldAndTheCost() {
        UUID product = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        apply(TestEvents.linkageVersioned(UUID.randomUUID(), product, 1, T0.minus(Duration.ofDays(1)),
                List.of(new Share(a, 1), new Share(b, 1), new Share(c, 1))));
        apply(TestEvents.orderPaid(order, T0, List.of(new Line(product, seller, 3, 1001, 1))));
        assertThat(held(a) + held(b) + held(c)).isEqualTo(3000);

        apply(TestEvents.orderRefunded(order, T0.plusSeconds(3600), List.of(new Line(product, seller, 2, 1001, 1))));

        assertThat(held(a) + held(b) + held(c)).isEqualTo(1000);
        assertThat(List.of(held(a), held(b), held(c))).allMatch(p -> p >= 333 && p <= 334);
        assertThat(ledger.balance(AccountType.SELLER_COST_PAYABLE, seller)).isEqualTo(-1);
        assertThat(refundsOf(order)).isEqualTo(2002);

        apply(TestEvents.orderRefunded(order, T0.plusSeconds(7200), List.of(new Line(product, seller, 1, 1001, 1))));
        assertThat(List.of(held(a), held(b), held(c))).containsOnly(0L);
        assertThat(ledger.balance(AccountType.SELLER_COST_PAYABLE, seller)).isZero();
        assertThat(jdbc.sql("SELECT status FROM settlement_order WHERE order_id = ?").param(order.toString())
                .query(String.class).single()).isEqualTo("REFUNDED");
    }

    @Test
    void theArrivalOrderAcrossTopicsAndRedeliveriesDoNotChangeTheBalances() {
        // The same business history twice, on mirrored products and households: once with every linkage
        // before the orders, once with the linkages arriving after everything they apply to.
        Scenario early = new Scenario();
        Scenario late = new Scenario();
        for (Event e : early.linkages()) {
            apply(e);
        }
        for (Event e : early.orders()) {
            apply(e);
        }
        for (Event e : late.orders()) {
            apply(e);
        }
        assertThat(late.households.stream().mapToLong(h -> held(h) + payable(h)).sum()).isZero();
        for (Event e : late.linkages()) {
            apply(e);
        }

        List<Long> earlyBalances = balancesOf(early);
        assertThat(balancesOf(late)).isEqualTo(earlyBalances);
        assertThat(earlyBalances.stream().mapToLong(Long::longValue).sum()).isNotZero();

        // Redelivery of everything, shuffled: nothing new is posted, nothing moves.
        long entries = count("SELECT COUNT(*) FROM journal_entry");
        List<Event> all = new ArrayList<>(early.all());
        all.addAll(late.all());
        Collections.shuffle(all, new Random(7));
        TestEvents.send(brokers, all);
        List<Event> markers = TestEvents.sendMarkers(brokers, 3, TestEvents.ORDERS, TestEvents.LINKAGES);
        await().atMost(Duration.ofSeconds(30)).until(() -> markers.stream().allMatch(this::processed));
        assertThat(count("SELECT COUNT(*) FROM journal_entry")).isEqualTo(entries);
        assertThat(balancesOf(early)).isEqualTo(earlyBalances);
        assertThat(balancesOf(late)).isEqualTo(earlyBalances);
    }

    @Test
    void everyEntryBalancesAndTheJournalRefusesChanges() {
        apply(TestEvents.orderPaid(UUID.randomUUID(), T0, List.of(new Line(UUID.randomUUID(), UUID.randomUUID(), 2, 750, 50))));
        assertThat(jdbc.sql("SELECT entry_id FROM journal_line GROUP BY entry_id HAVING SUM(amount_fen) <> 0")
                .query(String.class).list()).isEmpty();
        assertThat(ledger.totals().values().stream().mapToLong(Long::longValue).sum()).isZero();
        assertThat(ledger.totals().get(AccountType.PLATFORM_MARGIN)).isZero();
        assertThatThrownBy(() -> jdbc.sql("UPDATE journal_line SET amount_fen = amount_fen + 1").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM journal_entry").update()).hasMessageContaining("append-only");
    }

    /** Two products, four households, a reallocating second linkage version, refunds before and after completion. */
    private static final class Scenario {
        final UUID p1 = UUID.randomUUID();
        final UUID p2 = UUID.randomUUID();
        final UUID seller = UUID.randomUUID();
        // Sorted, so that ties between equal remainders (broken by household id) fall alike in both scenarios.
        final List<UUID> households = java.util.stream.Stream.generate(UUID::randomUUID).limit(4).sorted().toList();
        final UUID o1 = UUID.randomUUID();
        final UUID o2 = UUID.randomUUID();
        final UUID o3 = UUID.randomUUID();
        final List<Event> linkages;
        final List<Event> orders;

        Scenario() {
            UUID l1 = UUID.randomUUID();
            linkages = List.of(
                    TestEvents.linkageVersioned(l1, p1, 1, T0.minus(Duration.ofDays(10)),
                            List.of(new Share(households.get(0), 3), new Share(households.get(1), 4))),
                    // From T0 + 1 day the lot is shared differently: o2 and o3 follow this version.
                    TestEvents.linkageVersioned(l1, p1, 2, T0.plus(Duration.ofDays(1)),
                            List.of(new Share(households.get(1), 1), new Share(households.get(2), 1),
                                    new Share(households.get(3), 5))),
                    TestEvents.linkageVersioned(UUID.randomUUID(), p2, 1, T0.minus(Duration.ofDays(10)),
                            List.of(new Share(households.get(3), 1))));
            orders = List.of(
                    TestEvents.orderPaid(o1, T0, List.of(new Line(p1, seller, 7, 3333, 111), new Line(p2, seller, 1, 999, 1500))),
                    TestEvents.orderCompleted(o1, T0.plus(Duration.ofHours(5))),
                    TestEvents.orderRefunded(o1, T0.plus(Duration.ofHours(6)), List.of(new Line(p1, seller, 2, 3333, 111))),
                    TestEvents.orderPaid(o2, T0.plus(Duration.ofDays(2)), List.of(new Line(p1, seller, 5, 1777, 0))),
                    TestEvents.orderRefunded(o2, T0.plus(Duration.ofDays(2)).plusSeconds(60), List.of(new Line(p1, seller, 1, 1777, 0))),
                    TestEvents.orderCompleted(o2, T0.plus(Duration.ofDays(5))),
                    TestEvents.orderPaid(o3, T0.plus(Duration.ofDays(3)), List.of(new Line(p1, seller, 1, 12345, 345))));
        }

        List<Event> linkages() {
            return linkages;
        }

        List<Event> orders() {
            return orders;
        }

        List<Event> all() {
            List<Event> all = new ArrayList<>(linkages);
            all.addAll(orders);
            return all;
        }
    }

    private List<Long> balancesOf(Scenario scenario) {
        List<Long> balances = new ArrayList<>();
        for (UUID h : scenario.households) {
            balances.add(held(h));
            balances.add(payable(h));
        }
        balances.add(ledger.balance(AccountType.SELLER_COST_PAYABLE, scenario.seller));
        for (UUID o : List.of(scenario.o1, scenario.o2, scenario.o3)) {
            balances.add(suspenseOf(o));
            balances.add(refundsOf(o));
        }
        return balances;
    }

    private void apply(Event event) {
        TestEvents.send(brokers, List.of(event));
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(event));
    }

    private boolean processed(Event event) {
        return count("SELECT COUNT(*) FROM processed_event WHERE event_id = '" + event.eventId() + "'") == 1;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long held(UUID household) {
        return -ledger.balance(AccountType.HOUSEHOLD_HELD, household);
    }

    private long payable(UUID household) {
        return -ledger.balance(AccountType.HOUSEHOLD_PAYABLE, household);
    }

    private long suspenseOf(UUID order) {
        return -jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM journal_line WHERE account = 'SUSPENSE' AND order_id = ?")
                .param(order.toString()).query(Long.class).single();
    }

    private long refundsOf(UUID order) {
        return -jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM journal_line WHERE account = 'REFUNDS' AND order_id = ?")
                .param(order.toString()).query(Long.class).single();
    }
}
