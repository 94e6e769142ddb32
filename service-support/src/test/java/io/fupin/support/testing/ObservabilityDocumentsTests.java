package io.fupin.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObservabilityDocumentsTests {

    /** The prefixes a service's integration tests check against its scrape (order-service, settlement-service). */
    static final List<String> OWNED = List.of("fupin_orders_", "fupin_payments_", "fupin_settlement_", "fupin_outbox_",
            "fupin_events_", "kafka_consumer_");

    @Test
    void everyAlertSaysWhatAndHowBadAndReadsAMetric() {
        assertThat(ObservabilityDocuments.alertRules()).extracting(ObservabilityDocuments.AlertRule::alert)
                .contains("DeadLettersPresent", "OutboxBacklogGrowing", "ConsumerLagHigh", "ReconciliationDifferences",
                        "PayoutBatchWaitingForApproval");
        assertThat(ObservabilityDocuments.alertRules()).allSatisfy(rule -> {
            assertThat(rule.duration()).as(rule.alert()).matches("\\d+[smhd]");
            assertThat(rule.labels().get("severity")).as(rule.alert()).isIn("critical", "warning", "info");
            assertThat(rule.annotations()).as(rule.alert()).containsKeys("summary", "description");
            assertThat(ObservabilityDocuments.metricsIn(rule.expr())).as(rule.alert()).isNotEmpty();
        });
    }

    @Test
    void everyPanelReadsAMetricAServiceChecksItExports() {
        assertThat(ObservabilityDocuments.dashboardQueries()).isNotEmpty()
                .allSatisfy(query -> assertThat(ObservabilityDocuments.metricsIn(query)).as(query).isNotEmpty());
        assertThat(ObservabilityDocuments.metricsRead())
                .allSatisfy(name -> assertThat(OWNED).as(name).anyMatch(name::startsWith));
    }

    @Test
    void findsTheMetricsOfAnExpression() {
        assertThat(ObservabilityDocuments.metricsIn(
                "sum by (topic) (rate(fupin_orders_placed_total{channel=\"online\"}[5m])) > kafka_consumer_x"))
                .containsExactly("fupin_orders_placed_total", "kafka_consumer_x");
    }
}
