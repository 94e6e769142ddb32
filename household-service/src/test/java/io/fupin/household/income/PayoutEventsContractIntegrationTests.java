package io.fupin.household.income;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.IntegrationTest;
import io.fupin.support.testing.EventContracts;
import io.fupin.support.testing.EventContracts.Sample;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * household-service records the income of the paid batches settlement-service really emits (its committed
 * samples in docs/events/samples), applied through its listener on the database: a field read here that the
 * producer renamed or removed fails this test, and so does income recorded otherwise than its sample says.
 */
@IntegrationTest
class PayoutEventsContractIntegrationTests {

    @Autowired
    PayoutEventsListener listener;
    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsEachPaidLineAsTheHouseholdsIncomeFromTheBatch() {
        Map<String, Sample<PayoutEventMessage>> samples = EventContracts.samplesToApply(PayoutEventsListener.TOPIC,
                PayoutEventMessage.class, JsonMapper.builder().build());
        assertThat(samples.keySet()).containsExactly("PayoutBatchPaid");
        Sample<PayoutEventMessage> sample = samples.get("PayoutBatchPaid");
        PayoutEventMessage.PayoutBatchPaid paid = sample.payload();
        assertThat(paid.lines()).isNotEmpty();

        listener.on(sample.record());

        for (PayoutEventMessage.Line line : paid.lines()) {
            assertThat(jdbc.sql("""
                            SELECT batch_reference, amount_fen, order_ids, paid_at FROM income_entry
                            WHERE household_id = ? AND batch_id = ?""")
                    .params(line.householdId().toString(), paid.batchId().toString())
                    .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " "
                            + rs.getTimestamp(4).toInstant())
                    .single()).isEqualTo(paid.batchReference() + " " + line.amountFen() + " "
                            + line.orderIds().stream().map(UUID::toString).collect(Collectors.joining(",")) + " "
                            + paid.paidAt());
        }
        EventContracts.assertDocumentedConsumer(PayoutEventsListener.TOPIC, "household-payout-events");
    }
}
