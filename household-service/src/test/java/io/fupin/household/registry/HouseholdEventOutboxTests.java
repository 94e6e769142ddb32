package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.events.EventEnvelope;
import io.fupin.support.events.OutboxEventSerializer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the outbox gives back after a broker failure or a restart is what was published: a household's event
 * with its state, and an import's registrations, typed as before (the relay and the topic's routing need them so).
 */
class HouseholdEventOutboxTests {

    final OutboxEventSerializer outbox = new OutboxEventSerializer(JsonMapper.builder().build());

    @Test
    void aHouseholdEventAndAnImportsRegistrationsComeBackFromTheOutboxAsTheyWere() {
        var updated = HouseholdEvent.updated(state("王秀兰"));
        var imported = new ImportedHouseholdsRelay.HouseholdsImported(
                List.of(HouseholdEvent.registered(state("张三")), HouseholdEvent.registered(state("李四"))));

        EventEnvelope<?> read = outbox.deserialize(outbox.serialize(updated), EventEnvelope.class);
        assertThat(read).isEqualTo(updated);
        assertThat(read.payload()).isInstanceOf(HouseholdEvent.HouseholdUpdated.class);
        assertThat(outbox.deserialize(outbox.serialize(imported), ImportedHouseholdsRelay.HouseholdsImported.class))
                .isEqualTo(imported);
    }

    private static HouseholdEvent.HouseholdState state(String head) {
        return new HouseholdEvent.HouseholdState(UUID.randomUUID(), "230113-0001", head,
                HouseholdCategory.REGISTERED_POOR, UUID.randomUUID(), "兴功村", "幸福镇",
                new HouseholdEvent.SealedPayoutAccount("双城农商银行", "6230********2222", "k1:AAAA"),
                HouseholdStatus.ACTIVE, Instant.parse("2026-11-30T08:00:00Z"));
    }
}
