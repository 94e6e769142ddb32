package io.fupin.household.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ApiFuzzer;
import io.fupin.support.testing.OpenApiDocument;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile input on every operation of household-service's published document, as every role and none
 * ({@link ApiFuzzer}), against a real village, household, linkage, agreement and offer: no 5xx, every refusal
 * problem+json, no refused request changes the database, no accepted one takes a field the caller may not set.
 */
@IntegrationTest
class FuzzIntegrationTests {

    @Autowired
    Api api;
    @Autowired
    IdentitySignature signature;
    @Autowired
    DataSource database;
    @LocalServerPort
    int port;

    @Test
    void answersHostileInputWithoutA5xxAndRefusalsChangeNothing() throws Exception {
        Fixtures.Village v = Fixtures.village(api);
        UUID household = Fixtures.household(api, Fixtures.householdForm(v.villageId(), Fixtures.freshIdentityNumber()));
        UUID owner = UUID.randomUUID();
        UUID product = Fixtures.product(api, owner);
        Api.Answer linked = api.post(Api.OFFICIAL, Map.of("shares", List.of(Map.of("householdId", household, "shares", 1))),
                "/api/households/products/{p}/linkage/versions", product);
        assertThat(linked.status()).as(linked.text()).isEqualTo(201);
        Api.Answer agreement = api.post(Api.OFFICIAL, Map.of("householdId", household, "enterpriseName", "岗子峪米业有限公司",
                "sellerId", owner, "produce", "稻谷", "qualityStandard", "国家二级", "unit", "kg", "unitPriceFen", 300,
                "agreedQuantity", 1500, "validFrom", LocalDate.now().withDayOfYear(1).toString(),
                "validUntil", LocalDate.now().withDayOfYear(1).plusYears(1).minusDays(1).toString()),
                "/api/households/purchase-agreements");
        assertThat(agreement.status()).as(agreement.text()).isEqualTo(201);
        Api.Answer offer = api.post(Api.OFFICIAL, Map.of("householdId", household, "productId", product,
                "description", "秋季大鹅", "deliveryDate", LocalDate.now().plusDays(60).toString()),
                "/api/households/presale/offers");
        assertThat(offer.status()).as(offer.text()).isEqualTo(201);
        ApiFuzzer.Target target = new ApiFuzzer.Target("household-service", "http://127.0.0.1:" + port, signature,
                List.of(Caller.of("consumer", null, Role.CONSUMER), Caller.of("seller", owner, Role.SELLER),
                        Caller.of("seller-cuicui", UUID.randomUUID(), Role.SELLER), Caller.of("clerk", null, Role.CLERK),
                        Caller.of("official", null, Role.OFFICIAL), Caller.of("admin", null, Role.ADMIN),
                        Caller.of("service:order-service", null, Role.SERVICE)),
                Map.of("placeId", v.districtId().toString(), "villageId", v.villageId().toString(),
                        "householdId", household.toString(), "productId", product.toString(),
                        "changeId", UUID.randomUUID().toString(),
                        "agreementId", agreement.body().get("agreementId").asString(),
                        "offerId", offer.body().get("offerId").asString()),
                database, Set.of("EVENT_PUBLICATION", "processed_event"));

        ApiFuzzer.Report report = ApiFuzzer.of(target, OpenApiDocument.of("household-service", port)).run();

        assertThat(report.requests()).isEqualTo(report.operations() * ApiFuzzer.cases());
        assertThat(report.findings()).as("findings of %s requests", report.requests()).isEmpty();
    }
}
