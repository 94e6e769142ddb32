package io.fupin.settlement.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.settlement.allocation.LinkageEventsListener.BenefitLinkageVersioned;
import io.fupin.settlement.allocation.LinkageEventsListener.LinkageEvents;
import io.fupin.support.testing.EventContracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * This consumer's records against what the producer really emits (its committed samples in docs/events/samples):
 * a field read here that the producer renamed or removed fails this test.
 */
class LinkageEventsContractTests {

    @Test
    void readsTheProducersSamplesIntoItsOwnRecords() {
        var events = EventContracts.readSamples("household-service.linkage-events.v1", LinkageEvents.class,
                JsonMapper.builder().build());

        assertThat(events).<Class<?>>extracting(event -> event.payload().getClass())
                .containsExactlyInAnyOrder(BenefitLinkageVersioned.class);
        EventContracts.assertDocumentedConsumer("household-service.linkage-events.v1", "settlement-linkage-events");
    }
}
