package io.fupin.household.presale;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.testing.EventContracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * This consumer's records against what the producer really emits (its committed samples in docs/events/samples):
 * a field read here that the producer renamed or removed fails this test.
 */
class OrderEventsContractTests {

    @Test
    void readsTheProducersSamplesIntoItsOwnRecords() {
        var events = EventContracts.readSamples("order-service.order-events.v1", OrderEventMessage.class,
                JsonMapper.builder().build());

        assertThat(events).<Class<?>>extracting(event -> event.payload().getClass())
                .containsExactlyInAnyOrder(OrderEventMessage.OrderPaid.class);
        EventContracts.assertDocumentedConsumer("order-service.order-events.v1", "household-order-events");
    }
}
