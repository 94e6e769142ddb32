package io.fupin.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.CatalogApi;
import io.fupin.catalog.IntegrationTest;
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
 * Hostile input on every operation of catalog-service's published document, as every role and none
 * ({@link ApiFuzzer}): no 5xx, every refusal problem+json, no refused request changes the database,
 * no accepted one takes a field the caller may not set.
 */
@IntegrationTest
class FuzzIntegrationTests {

    @Autowired
    CatalogApi api;
    @Autowired
    IdentitySignature signature;
    @Autowired
    DataSource database;
    @LocalServerPort
    int port;

    @Test
    void answersHostileInputWithoutA5xxAndRefusalsChangeNothing() throws Exception {
        UUID owner = api.registerSeller("岗子峪米业有限公司", "双城镇");
        UUID other = api.registerSeller("翠翠食品有限公司", "五家镇");
        UUID product = api.draft(owner, Map.of());
        ApiFuzzer.Target target = new ApiFuzzer.Target("catalog-service", "http://127.0.0.1:" + port, signature,
                List.of(Caller.of("consumer", null, Role.CONSUMER), Caller.of("seller", owner, Role.SELLER),
                        Caller.of("seller-cuicui", other, Role.SELLER), Caller.of("clerk", null, Role.CLERK),
                        Caller.of("official", null, Role.OFFICIAL), Caller.of("admin", null, Role.ADMIN),
                        Caller.of("service:order-service", null, Role.SERVICE)),
                Map.of("productId", product.toString(), "sellerId", owner.toString(),
                        "changeId", UUID.randomUUID().toString()),
                database, Set.of("EVENT_PUBLICATION", "processed_event"));

        ApiFuzzer.Report report = ApiFuzzer.of(target, OpenApiDocument.of("catalog-service", port)).run();

        assertThat(report.requests()).isEqualTo(report.operations() * ApiFuzzer.cases());
        assertThat(report.findings()).as("findings of %s requests", report.requests()).isEmpty();
    }
}
