package io.fupin.settlement.households;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.settlement.IntegrationTest;
import io.fupin.settlement.TestEvents;
import io.fupin.settlement.TestEvents.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class HouseholdDirectoryIntegrationTests {

    @Autowired
    HouseholdDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void keepsTheNewestPayoutAccountWhateverTheOrderOfDelivery() {
        UUID household = UUID.randomUUID();
        Instant january = Instant.parse("2026-01-01T00:00:00Z");
        Event registered = TestEvents.householdChanged("HouseholdRegistered", household, "230113-0100", "张三",
                "6228480000000100", january);
        Event updated = TestEvents.householdChanged("HouseholdUpdated", household, "230113-0100", "张三",
                "6228480000000199", january.plus(Duration.ofDays(150)));
        // Delivered last, but older than what is on record: changes nothing.
        Event stale = TestEvents.householdChanged("HouseholdUpdated", household, "230113-0100", "张三",
                "6228480000000111", january.plus(Duration.ofDays(10)));

        apply(updated);
        apply(registered);
        apply(stale);

        Payee payee = directory.payee(household).orElseThrow();
        assertThat(payee.accountNumber()).isEqualTo("6228480000000199");
        assertThat(payee.registrationNumber()).isEqualTo("230113-0100");
        assertThat(payee.headName()).isEqualTo("张三");
        assertThat(payee.canBePaid()).isTrue();
        assertThat(payee.toString()).doesNotContain("6228480000000199");
    }

    @Test
    void opensThePayoutAccountSealedForTheHouseholdAndStillReadsEventsFromBeforeSealing() {
        UUID sealed = UUID.randomUUID();
        Event registered = TestEvents.householdRegistered(sealed, "230113-0200", "李四", "6228480000000222");
        assertThat(registered.json()).doesNotContain("6228480000000222").contains("accountSealed");
        apply(registered);
        assertThat(directory.payee(sealed).orElseThrow().accountNumber()).isEqualTo("6228480000000222");

        UUID before = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        apply(new Event(TestEvents.HOUSEHOLDS, before.toString(), eventId, """
                {"eventId":"%s","eventType":"HouseholdRegistered","eventVersion":1,"occurredAt":"2026-01-01T00:00:00Z",
                 "aggregateId":"%s","payload":{"householdId":"%s","registrationNumber":"230113-0201","headName":"王五",
                 "category":"REGISTERED_POOR","villageName":"兴工村","townName":"双城镇",
                 "payoutAccount":{"bankName":"中国农业银行","accountNumber":"6228480000000333"},"status":"ACTIVE",
                 "changedAt":"2026-01-01T00:00:00Z"}}""".formatted(eventId, before, before)));
        assertThat(directory.payee(before).orElseThrow().accountNumber()).isEqualTo("6228480000000333");
    }

    private void apply(Event event) {
        TestEvents.send(brokers, List.of(event));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?")
                .param(event.eventId().toString()).query(Long.class).single() == 1);
    }
}
