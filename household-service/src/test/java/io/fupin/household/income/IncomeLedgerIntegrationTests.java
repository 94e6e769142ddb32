package io.fupin.household.income;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.household.IntegrationTest;
import io.fupin.household.TestSupport.SignedIdentity;
import io.fupin.support.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.web.client.RestClient;

@IntegrationTest
class IncomeLedgerIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignedIdentity identity;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    @Test
    void countsAPayoutOnceHoweverOftenItIsDelivered() {
        UUID household = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        String event = payoutBatchPaid(UUID.randomUUID(), batch, household, 12_345, other, 678);

        send(batch, event);
        send(batch, event);
        send(batch, event);

        await().atMost(Duration.ofSeconds(20)).until(() -> entries(household) == 1 && entries(other) == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> entries(household) == 1);

        Map<String, Object> income = income(household, Caller.of("official", null, "OFFICIAL"));
        assertThat(income).containsEntry("totalFen", 12_345);
        assertThat(income.get("entries").toString()).contains(batch.toString());
    }

    @Test
    void addsUpPayoutsOfSeveralBatches() {
        UUID household = UUID.randomUUID();
        for (long amount : new long[] {100, 250, 3}) {
            UUID batch = UUID.randomUUID();
            send(batch, payoutBatchPaid(UUID.randomUUID(), batch, household, amount, UUID.randomUUID(), 1));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(household) == 3);
        assertThat(income(household, Caller.of("admin", null, "ADMIN"))).containsEntry("totalFen", 353);
    }

    @Test
    void showsIncomeToOfficialsButNotToConsumers() {
        int status = RestClient.create("http://localhost:" + port).get().uri("/api/households/{id}/income", UUID.randomUUID())
                .headers(h -> h.addAll(identity.headersFor(Caller.of("consumer", null, "CONSUMER"))))
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(status).isEqualTo(403);
    }

    private Map<String, Object> income(UUID household, Caller caller) {
        return RestClient.create("http://localhost:" + port).get().uri("/api/households/{id}/income", household)
                .headers(h -> h.addAll(identity.headersFor(caller)))
                .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    private long entries(UUID household) {
        return jdbc.sql("SELECT COUNT(*) FROM income_entry WHERE household_id = ?").param(household.toString())
                .query(Long.class).single();
    }

    private void send(UUID batch, String json) {
        try (var producer = new DefaultKafkaProducerFactory<String, byte[]>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)).createProducer()) {
            producer.send(new ProducerRecord<>("settlement-service.payout-events.v1", batch.toString(),
                    json.getBytes(StandardCharsets.UTF_8)));
        }
    }

    static String payoutBatchPaid(UUID eventId, UUID batch, UUID household, long amountFen, UUID other, long otherFen) {
        return """
                {"eventId":"%s","eventType":"PayoutBatchPaid","eventVersion":1,"occurredAt":"2026-11-28T10:00:00Z",
                 "aggregateId":"%s","payload":{"batchId":"%s","batchReference":"PB-2026-11-001","bankReference":"RCC-778",
                 "paidAt":"2026-11-28T09:59:00Z","totalFen":%d,
                 "lines":[{"householdId":"%s","amountFen":%d,"orderIds":["%s"]},
                          {"householdId":"%s","amountFen":%d,"orderIds":[]}]}}
                """.formatted(eventId, batch, batch, amountFen + otherFen, household, amountFen, UUID.randomUUID(),
                other, otherFen);
    }
}
