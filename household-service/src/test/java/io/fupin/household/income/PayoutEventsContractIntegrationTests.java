package io.fupin.household.income;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.testing.EventContracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * This consumer's records against what the producer really emits (its committed samples in docs/events/samples):
 * a field read here that the producer renamed or removed fails this test.
 */
class PayoutEventsContractTests {

    @Test
    void readsTheProducersSamplesIntoItsOwnRecords() {
        var events = EventContracts.readSamples("settlement-service.payout-events.v1", PayoutEventMessage.class,
                JsonMapper.builder().build());

        assertThat(events).<Class<?>>extracting(event -> event.payload().getClass())
                .containsExactlyInAnyOrder(PayoutEventMessage.PayoutBatchPaid.class);
        EventContracts.assertDocumentedConsumer("settlement-service.payout-events.v1", "household-payout-events");
    }
}
