package io.fupin.settlement.intake;

import static io.fupin.settlement.TestEvents.Line;
import static io.fupin.settlement.TestEvents.Share;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.settlement.IntegrationTest;
import io.fupin.settlement.TestEvents;
import io.fupin.settlement.TestEvents.Event;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One order's events may reach settlement in any order (two producer instances, a resent outbox entry):
 * whatever the arrival order, the ledger ends the same and every fen is where it belongs. An event that
 * follows the payment and arrives before it waits and is applied when the payment arrives.
 */
@IntegrationTest
class ArrivalOrderIntegrationTests {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(30));
    private static final long PRICE = 1777;
    private static final long COST = 100;

    @Autowired
    JdbcClient jdbc;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void everyArrivalOrderOfPaymentRefundsAndCompletionEndsInTheSameLedger() {
        Map<String, Long> inOrder = null;
        for (List<Integer> permutation : permutations(List.of(0, 1, 2, 3))) {
            History history = new History();
            deliver(List.of(history.linkage));
            List<Event> events = permutation.stream().map(history.orderEvents::get).toList();
            deliver(events);

            Map<String, Long> balances = balances(history);
            if (inOrder == null) {
                inOrder = balances;
            }
            assertThat(balances).as("arrival order %s", permutation).isEqualTo(inOrder);
            // Two of five units refunded; the other three completed and payable, not one fen in suspense.
            assertThat(balances).containsEntry("RECEIPTS_CLEARING", 5 * PRICE)
                    .containsEntry("REFUNDS", -2 * PRICE)
                    .containsEntry("SELLER_COST_PAYABLE", -3 * COST)
                    .containsEntry("HOUSEHOLD_HELD", 0L)
                    .containsEntry("HOUSEHOLD_PAYABLE", -3 * (PRICE - COST))
                    .containsEntry("SUSPENSE", 0L)
                    .containsEntry("PLATFORM_MARGIN", 0L);
            // Receipts − refunds = allocations + costs + suspense: the order's lines sum to zero.
            assertThat(balances.entrySet().stream().filter(e -> !e.getKey().contains("#"))
                    .mapToLong(Map.Entry::getValue).sum()).isZero();
            assertThat(jdbc.sql("SELECT status, refunded_fen FROM settlement_order WHERE order_id = ?")
                    .param(history.order.toString()).query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).single())
                    .as("arrival order %s", permutation).isEqualTo("COMPLETED " + 2 * PRICE);
        }
    }

    @Test
    void aRefundThatOvertakesThePaymentNeverOverpaysTheHouseholds() {
        History history = new History();
        deliver(List.of(history.linkage, history.orderEvents.get(1)));
        // The refund waits for its payment; it has moved no money yet.
        assertThat(balances(history).values()).allMatch(b -> b == 0);

        deliver(List.of(history.orderEvents.get(0)));
        Map<String, Long> balances = balances(history);
        assertThat(balances).containsEntry("HOUSEHOLD_HELD", -4 * (PRICE - COST)).containsEntry("SUSPENSE", 0L)
                .containsEntry("REFUNDS", -PRICE);
        // Delivered again, in any order: nothing moves.
        deliver(List.of(history.orderEvents.get(1), history.orderEvents.get(0)));
        assertThat(balances(history)).isEqualTo(balances);
    }

    /** A paid order of five units: one refunded before completion, one clawed back after it. */
    private static final class History {
        final UUID product = UUID.randomUUID();
        final UUID seller = UUID.randomUUID();
        final UUID order = UUID.randomUUID();
        final List<UUID> households = Stream.generate(UUID::randomUUID).limit(3).sorted().toList();
        final Event linkage = TestEvents.linkageVersioned(UUID.randomUUID(), product, 1, T0.minus(Duration.ofDays(10)),
                List.of(new Share(households.get(0), 1), new Share(households.get(1), 2),
                        new Share(households.get(2), 4)));
        final List<Event> orderEvents = List.of(
                TestEvents.orderPaid(order, T0, List.of(new Line(product, seller, 5, PRICE, COST))),
                TestEvents.orderRefunded(order, T0.plus(Duration.ofHours(1)), List.of(new Line(product, seller, 1, PRICE, COST))),
                TestEvents.orderCompleted(order, T0.plus(Duration.ofDays(10))),
                TestEvents.orderRefunded(order, T0.plus(Duration.ofDays(11)), List.of(new Line(product, seller, 1, PRICE, COST))));
    }

    private Map<String, Long> balances(History history) {
        Map<String, Long> balances = new LinkedHashMap<>();
        for (String account : List.of("RECEIPTS_CLEARING", "REFUNDS", "SELLER_COST_PAYABLE", "HOUSEHOLD_HELD",
                "HOUSEHOLD_PAYABLE", "SUSPENSE", "PLATFORM_MARGIN")) {
            balances.put(account, jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM journal_line WHERE account = ? AND order_id = ?")
                    .params(account, history.order.toString()).query(Long.class).single());
        }
        for (int i = 0; i < history.households.size(); i++) {
            for (String account : List.of("HOUSEHOLD_HELD", "HOUSEHOLD_PAYABLE")) {
                balances.put(account + "#" + i, jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM journal_line WHERE account = ? AND party_id = ?")
                        .params(account, history.households.get(i).toString()).query(Long.class).single());
            }
        }
        return balances;
    }

    private void deliver(List<Event> events) {
        TestEvents.send(brokers, events);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.stream().allMatch(e -> jdbc.sql(
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?").param(e.eventId().toString())
                .query(Long.class).single() == 1));
    }

    private static List<List<Integer>> permutations(List<Integer> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Integer>> all = new ArrayList<>();
        for (Integer first : items) {
            List<Integer> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<Integer> tail : permutations(rest)) {
                List<Integer> permutation = new ArrayList<>();
                permutation.add(first);
                permutation.addAll(tail);
                all.add(permutation);
            }
        }
        return all;
    }
}
