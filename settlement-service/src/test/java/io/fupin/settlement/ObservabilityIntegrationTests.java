package io.fupin.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.settlement.TestEvents.Line;
import io.fupin.support.testing.ObservabilityDocuments;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/** What the alert rules and the dashboard read of settlement-service, it exports at /actuator/prometheus. */
@IntegrationTest
class ObservabilityIntegrationTests {

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void exportsEveryMetricTheAlertRulesAndTheDashboardReadOfIt() {
        Set<String> owned = ObservabilityDocuments.metricsRead().stream()
                .filter(name -> name.startsWith("fupin_settlement_") || name.startsWith("fupin_outbox_")
                        || name.startsWith("fupin_events_") || name.startsWith("kafka_consumer_"))
                .collect(Collectors.toSet());
        // A posting, so that the postings counter exists; the consumers fetch meanwhile (their lag is measured).
        TestEvents.send(brokers, List.of(TestEvents.orderPaid(UUID.randomUUID(),
                Instant.parse("2031-04-01T02:00:00Z"), List.of(new Line(UUID.randomUUID(), UUID.randomUUID(), 1, 700, 0)))));

        assertThat(owned).contains("fupin_settlement_payout_batches", "fupin_events_dead_letters",
                "kafka_consumer_fetch_manager_records_lag_max");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus")
                    .retrieve().body(String.class);
            assertThat(owned).allSatisfy(name -> assertThat(scrape).containsPattern("(?m)^" + name + "[{ ]"));
        });
    }
}
