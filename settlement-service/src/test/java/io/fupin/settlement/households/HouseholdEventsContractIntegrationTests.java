package io.fupin.settlement.households;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.settlement.IntegrationTest;
import io.fupin.settlement.households.HouseholdDirectory.HouseholdChanged;
import io.fupin.settlement.households.HouseholdDirectory.HouseholdEvents;
import io.fupin.settlement.households.HouseholdDirectory.HouseholdRegistered;
import io.fupin.settlement.households.HouseholdDirectory.HouseholdUpdated;
import io.fupin.support.testing.EventContracts;
import io.fupin.support.testing.EventContracts.Sample;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settlement applies the household events household-service really emits (its committed samples in
 * docs/events/samples) through its listener, on the database, and opens their sealed payout accounts: a field read
 * here that the producer renamed or removed fails this test, and so does a copy that differs from its sample.
 */
@IntegrationTest
class HouseholdEventsContractIntegrationTests {

    @Autowired
    HouseholdDirectory directory;

    @Test
    void keepsTheHouseholdsHouseholdServiceEmitsAndOpensTheirSealedAccounts() {
        Map<String, Sample<HouseholdEvents>> samples = EventContracts.samplesToApply(HouseholdDirectory.TOPIC,
                HouseholdEvents.class, JsonMapper.builder().build());
        assertThat(samples.keySet()).containsExactlyInAnyOrder("HouseholdRegistered", "HouseholdUpdated");

        for (Sample<HouseholdEvents> fresh : samples.values()) {
            // The account is sealed for its household's id: the sample is applied as the household it was written for.
            Sample<HouseholdEvents> sample = fresh.withCommittedIds();
            HouseholdChanged household = switch (sample.event().payload()) {
                case HouseholdRegistered registered -> registered.household();
                case HouseholdUpdated updated -> updated.household();
            };

            directory.on(sample.record());

            Payee payee = directory.payee(household.householdId()).orElseThrow();
            String type = sample.event().eventType();
            assertThat(payee.registrationNumber()).as(type).isEqualTo(household.registrationNumber());
            assertThat(payee.headName()).as(type).isEqualTo(household.headName());
            assertThat(payee.bankName()).as(type).isEqualTo(household.payoutAccount().bankName());
            // Sealed by household-service under the key both services' tests share; opened to the number it masks.
            String masked = household.payoutAccount().accountMasked();
            assertThat(payee.accountNumber()).as(type).hasSize(masked.length())
                    .startsWith(masked.substring(0, 4)).endsWith(masked.substring(masked.length() - 4));
            assertThat(payee.canBePaid()).as(type).isTrue();
        }
        EventContracts.assertDocumentedConsumer(HouseholdDirectory.TOPIC, "settlement-household-events");
    }
}
