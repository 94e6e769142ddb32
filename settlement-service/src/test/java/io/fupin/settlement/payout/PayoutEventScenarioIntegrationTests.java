package io.fupin.settlement.payout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.settlement.IntegrationTest;
import io.fupin.support.events.EventEnvelope;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.CallerAuthentication;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Recording the bank's payment of a batch publishes {@code PayoutBatchPaid}, keyed by the batch, with the lines the
 * bank paid. The batch is staged closed, approved and exported through its own methods rather than by closing a
 * period: periods close in date order, and PayoutIntegrationTests closes its own in this database.
 */
@IntegrationTest
@EnableScenarios
class PayoutEventScenarioIntegrationTests {

    private static final Caller MAKER = Caller.of("clerk-scenario", null, "CLERK");
    private static final Caller CHECKER = Caller.of("clerk-scenario-2", null, "CLERK");

    @Autowired
    Payouts payouts;
    @Autowired
    PayoutBatches batches;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void markingABatchPaidPublishesItsPaidLines(Scenario scenario) {
        UUID paid = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID batchId = UUID.randomUUID();
        Instant now = Instant.now();
        PayoutBatch batch = PayoutBatch.close(new PayoutBatchId(batchId), new SettlementPeriodId(UUID.randomUUID()),
                "FPB-SCENARIO-" + batchId.toString().substring(0, 8), List.of(
                        new PayoutLine(paid, 4_000, PayoutLine.LineStatus.PENDING, "230113-0901", "王大山", "中国农业银行",
                                "6228480000000901", order.toString()),
                        new PayoutLine(failed, 2_000, PayoutLine.LineStatus.PENDING, "230113-0902", "李小花",
                                "中国农业银行", "6228480000000902", UUID.randomUUID().toString())),
                MAKER.userId(), now);
        batch.approve(CHECKER.userId(), now);
        batch.export(CHECKER.userId(), now);
        batches.save(batch);
        SecurityContextHolder.getContext().setAuthentication(CallerAuthentication.of(MAKER));

        scenario.stimulate(() -> payouts.markPaid(new PayoutBatchId(batchId), "ABC-BANK-SCENARIO", Set.of(failed), MAKER))
                .andWaitForEventOfType(EventEnvelope.class)
                .matching(event -> event.aggregateId().equals(batchId.toString()))
                .toArriveAndVerify((event, view) -> {
                    assertThat(event.eventType()).isEqualTo("PayoutBatchPaid");
                    var batchPaid = (PayoutEvent.PayoutBatchPaid) event.payload();
                    assertThat(batchPaid.batchId()).isEqualTo(batchId);
                    assertThat(batchPaid.bankReference()).isEqualTo("ABC-BANK-SCENARIO");
                    assertThat(batchPaid.page()).isEqualTo(1);
                    assertThat(batchPaid.pages()).isEqualTo(1);
                    assertThat(batchPaid.totalFen()).isEqualTo(4_000);
                    assertThat(batchPaid.lines()).containsExactly(new PayoutEvent.Line(paid, 4_000, List.of(order)));
                });
    }
}
