package io.fupin.settlement.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.settlement.IntegrationTest;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ApiFuzzer;
import io.fupin.support.testing.OpenApiDocument;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile input on every operation of settlement-service's published document, as every role and none
 * ({@link ApiFuzzer}): no 5xx, every refusal problem+json, no refused request changes the ledger or anything
 * else in the database, no accepted one takes a field the caller may not set.
 */
@IntegrationTest
class FuzzIntegrationTests {

    @Autowired
    IdentitySignature signature;
    @Autowired
    DataSource database;
    @LocalServerPort
    int port;

    @Test
    void answersHostileInputWithoutA5xxAndRefusalsChangeNothing() throws Exception {
        UUID seller = UUID.randomUUID();
        ApiFuzzer.Target target = new ApiFuzzer.Target("settlement-service", "http://127.0.0.1:" + port, signature,
                List.of(Caller.of("consumer", null, Role.CONSUMER), Caller.of("seller", seller, Role.SELLER),
                        Caller.of("clerk-fuzz", null, Role.CLERK), Caller.of("clerk-second", null, Role.CLERK),
                        Caller.of("official", null, Role.OFFICIAL), Caller.of("admin", null, Role.ADMIN),
                        Caller.of("service:order-service", null, Role.SERVICE)),
                Map.of("sellerId", seller.toString()),
                database, Set.of("EVENT_PUBLICATION", "processed_event"));

        ApiFuzzer.Report report = ApiFuzzer.of(target, OpenApiDocument.of("settlement-service", port)).run();

        assertThat(report.requests()).isEqualTo(report.operations() * ApiFuzzer.cases());
        assertThat(report.findings()).as("findings of %s requests", report.requests()).isEmpty();
    }
}
