package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.testing.EventContracts;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Household events carry one household with every field at its column's largest: far below the record limit. */
class HouseholdEventSizeTests {

    @Test
    void householdEventsStayUnderTheRecordLimit() {
        // The sealed account: key id, nonce, a 40-digit number and the tag, in base64, well within 400 characters.
        var largest = new HouseholdEvent.HouseholdState(UUID.randomUUID(), "R".repeat(40), "户".repeat(60),
                HouseholdCategory.REGISTERED_POOR, UUID.randomUUID(), "村".repeat(100), "镇".repeat(100),
                new HouseholdEvent.SealedPayoutAccount("银".repeat(100), "*".repeat(40), "k".repeat(400)),
                HouseholdStatus.ACTIVE, Instant.parse("2026-11-30T08:00:00Z"));
        JsonMapper json = JsonMapper.builder().build();

        assertThat(EventContracts.assertUnderRecordLimit(HouseholdEvent.registered(largest), json)).isLessThan(5_000);
        assertThat(EventContracts.assertUnderRecordLimit(HouseholdEvent.updated(largest), json)).isLessThan(5_000);
    }

    @Test
    void docsEventsMdNamesTheTopicAndEveryEventType() {
        EventContracts.assertDocumented(HouseholdEvent.class);
    }
}
