package io.fupin.settlement.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.testing.EventContracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settlement's order records against what order-service really emits (its committed samples in
 * docs/events/samples): a field read here that the producer renamed or removed fails this test.
 */
class OrderEventsContractTests {

    @Test
    void readsTheProducersSamplesIntoItsOwnRecords() {
        var events = EventContracts.readSamples(OrderEventsListener.TOPIC, OrderEventMessage.class,
                JsonMapper.builder().build());

        assertThat(events).<Class<?>>extracting(event -> event.payload().getClass())
                .containsExactlyInAnyOrder(OrderEventMessage.class.getPermittedSubclasses());
        assertThat(events).allSatisfy(event -> {
            assertThat(event.payload().orderId().toString()).isEqualTo(event.aggregateId());
            assertThat(event.sequence()).isPositive();
        });
        EventContracts.assertDocumentedConsumer(OrderEventsListener.TOPIC, "settlement-order-events");
    }
}
