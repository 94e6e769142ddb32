package io.fupin.household.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.IntegrationTest;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ApiFuzzer;
import io.fupin.support.testing.HostileRecords;
import io.fupin.support.testing.OpenApiDocument;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OWASP API10, unsafe consumption: what catalog-, order- and settlement-service put on the topics
 * household-service reads is input like any other ({@link HostileRecords}). A record that can never be read is
 * dead-lettered and writes nothing; one that reads but carries hostile values is applied as data or
 * dead-lettered, and never holds its partition up (a valid event sent after it is applied); nothing the service
 * answers afterwards is a 5xx.
 */
@IntegrationTest
class HostileRecordsIntegrationTests {

    private static final Set<String> QUIET = Set.of("EVENT_PUBLICATION", "processed_event");

    @Autowired
    DataSource database;
    @Autowired
    IdentitySignature signature;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    @Test
    void deadLettersWhatCannotBeReadAppliesTheRestAsDataAndNeverStopsOrAnswers5xx() throws Exception {
        HostileRecords.assertConsumerSurvives(brokers, database, QUIET,
                Map.of("catalog-service.product-events.v1", "io.fupin.household.product.ProductEventMessage",
                        "order-service.order-events.v1", "io.fupin.household.presale.OrderEventMessage",
                        "settlement-service.payout-events.v1", "io.fupin.household.income.PayoutEventMessage"),
                Map.of("catalog-service.product-events.v1", "ProductUpdated",
                        "order-service.order-events.v1", "OrderPaid",
                        "settlement-service.payout-events.v1", "PayoutBatchPaid"));

        // What was applied is data: every operation, called once as it should be by each role, answers below 500.
        ApiFuzzer.Target target = new ApiFuzzer.Target("household-service-after-hostile-records",
                "http://127.0.0.1:" + port, signature, List.of(Caller.of("official", null, Role.OFFICIAL),
                        Caller.of("admin", null, Role.ADMIN), Caller.of("clerk", null, Role.CLERK)),
                Map.of(), database, QUIET);
        ApiFuzzer.Report report = ApiFuzzer.of(target, OpenApiDocument.of("household-service", port)).run(19, 1);
        assertThat(report.findings().stream().filter(f -> f.status() >= 500).map(Object::toString).toList()).isEmpty();
    }
}
