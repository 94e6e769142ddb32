package io.fupin.household.income;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.household.IntegrationTest;
import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
    void recordsAHundredThousandLineBatchToldInPagesOnceWhateverTheOrderAndNumberOfDeliveries() {
        UUID batch = UUID.randomUUID();
        List<UUID> households = IntStream.range(0, 100_000).mapToObj(i -> new UUID(batch.getMostSignificantBits(), i))
                .toList();
        UUID continued = households.get(1_999);
        UUID lastOrderOfContinued = UUID.randomUUID();
        // 50 pages of 2,000 lines; the last household of page 1 continues on page 2 (amount 0, one more order).
        List<String> pages = new ArrayList<>();
        List<UUID> pageIds = Stream.generate(UUID::randomUUID).limit(50).toList();
        for (int page = 0; page < 50; page++) {
            List<String> lines = new ArrayList<>();
            if (page == 1) {
                lines.add(line(continued, 0, lastOrderOfContinued));
            }
            for (int i = page * 2_000; i < (page + 1) * 2_000; i++) {
                lines.add(line(households.get(i), 100 + i % 7, UUID.randomUUID()));
            }
            pages.add(page(pageIds.get(page), batch, page + 1, 50, lines));
        }
        long total = IntStream.range(0, 100_000).mapToLong(i -> 100 + i % 7).sum();
        List<String> deliveries = new ArrayList<>(pages);
        deliveries.addAll(pages);
        Collections.shuffle(deliveries, new Random(15));

        send(batch, deliveries);

        await().atMost(Duration.ofMinutes(3)).until(() -> batchEntries(batch) == 100_000
                && processed(pageIds));
        assertThat(jdbc.sql("SELECT SUM(amount_fen) FROM income_entry WHERE batch_id = ?").param(batch.toString())
                .query(Long.class).single()).isEqualTo(total);
        Map<String, Object> income = income(continued, Caller.of("official", null, "OFFICIAL"));
        assertThat(income).containsEntry("totalFen", 100 + 1_999 % 7);
        List<?> orderIds = (List<?>) ((Map<?, ?>) ((List<?>) income.get("entries")).getFirst()).get("orderIds");
        assertThat(orderIds).hasSize(2);
        assertThat(orderIds.toString()).contains(lastOrderOfContinued.toString());
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

    private long batchEntries(UUID batch) {
        return jdbc.sql("SELECT COUNT(*) FROM income_entry WHERE batch_id = ?").param(batch.toString())
                .query(Long.class).single();
    }

    private boolean processed(List<UUID> eventIds) {
        return jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id IN (:ids)")
                .param("ids", eventIds.stream().map(UUID::toString).toList()).query(Long.class).single() == eventIds.size();
    }

    private void send(UUID batch, String json) {
        send(batch, List.of(json));
    }

    private void send(UUID batch, List<String> events) {
        try (var producer = new DefaultKafkaProducerFactory<String, byte[]>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)).createProducer()) {
            for (String json : events) {
                producer.send(new ProducerRecord<>("settlement-service.payout-events.v1", batch.toString(),
                        json.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private static String line(UUID household, long amountFen, UUID order) {
        return """
                {"householdId":"%s","amountFen":%d,"orderIds":["%s"]}""".formatted(household, amountFen, order);
    }

    private static String page(UUID eventId, UUID batch, int page, int pages, List<String> lines) {
        return """
                {"eventId":"%s","eventType":"PayoutBatchPaid","eventVersion":1,"occurredAt":"2026-11-28T10:00:00Z",
                 "aggregateId":"%s","payload":{"batchId":"%s","batchReference":"PB-2026-11-002","bankReference":"RCC-779",
                 "paidAt":"2026-11-28T09:59:00Z","totalFen":0,"page":%d,"pages":%d,"lines":[%s]}}
                """.formatted(eventId, batch, batch, page, pages, String.join(",", lines));
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
