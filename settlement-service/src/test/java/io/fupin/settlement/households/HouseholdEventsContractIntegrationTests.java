package io.fupin.settlement.households;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.settlement.households.HouseholdDirectory.HouseholdEvents;
import io.fupin.settlement.households.HouseholdDirectory.HouseholdRegistered;
import io.fupin.settlement.households.HouseholdDirectory.HouseholdUpdated;
import io.fupin.support.testing.EventContracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * This consumer's records against what the producer really emits (its committed samples in docs/events/samples):
 * a field read here that the producer renamed or removed fails this test.
 */
class HouseholdEventsContractTests {

    @Test
    void readsTheProducersSamplesIntoItsOwnRecords() {
        var events = EventContracts.readSamples("household-service.household-events.v1", HouseholdEvents.class,
                JsonMapper.builder().build());

        assertThat(events).<Class<?>>extracting(event -> event.payload().getClass())
                .containsExactlyInAnyOrder(HouseholdRegistered.class, HouseholdUpdated.class);
        EventContracts.assertDocumentedConsumer("household-service.household-events.v1", "settlement-household-events");
    }
}
