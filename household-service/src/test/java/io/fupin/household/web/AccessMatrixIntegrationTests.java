package io.fupin.household.web;

import static io.fupin.support.testing.AccessMatrix.ANYONE;
import static io.fupin.support.testing.AccessMatrix.get;
import static io.fupin.support.testing.AccessMatrix.only;
import static io.fupin.support.testing.AccessMatrix.post;
import static io.fupin.support.testing.AccessMatrix.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.AccessMatrix;
import io.fupin.support.testing.AccessMatrix.Who;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what in household-service: officials keep the register, clerks read what payouts need, a seller
 * touches only its own products (SELLER_OWNER owns the product in the paths, its linkage names the household,
 * it buys under the agreement), SELLER_OTHER is another seller; nobody else, and no service, gets in.
 */
@IntegrationTest
class AccessMatrixIntegrationTests {

    static final Set<Who> OFFICIALS = only(Who.OFFICIAL, Who.ADMIN);
    static final Set<Who> READERS = only(Who.OFFICIAL, Who.ADMIN, Who.CLERK);
    static final Set<Who> OWNER_OR_OFFICIALS = only(Who.SELLER_OWNER, Who.OFFICIAL, Who.ADMIN);
    static final Set<Who> OWNER_OR_READERS = only(Who.SELLER_OWNER, Who.OFFICIAL, Who.ADMIN, Who.CLERK);
    static final Set<Who> STAFF_AND_SELLERS = only(Who.SELLER_OWNER, Who.SELLER_OTHER, Who.OFFICIAL, Who.ADMIN, Who.CLERK);

    @Autowired
    Api api;
    @Autowired
    IdentitySignature signature;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @LocalServerPort
    int port;

    AccessMatrix matrix(Map<String, Object> householdForm, UUID villageId, UUID product, UUID household) {
        Supplier<String> newHousehold = () -> json(Fixtures.householdForm(villageId, Fixtures.freshIdentityNumber()));
        Map<String, Object> change = new HashMap<>(householdForm);
        change.remove("identityNumber");
        return new AccessMatrix(List.of(
                post("/api/households/places", () -> json(Map.of("kind", "DISTRICT", "name", "区" + UUID.randomUUID())),
                        OFFICIALS),
                get("/api/households/places", STAFF_AND_SELLERS),
                get("/api/households/dead-letters", only(Who.ADMIN)),
                post("/api/households/dead-letters/replay", () -> null, only(Who.ADMIN)),
                get("/api/households/places/{placeId}/children", STAFF_AND_SELLERS),
                post("/api/households", newHousehold, OFFICIALS),
                put("/api/households/{householdId}", () -> json(change), OFFICIALS),
                get("/api/households/{householdId}", OWNER_OR_READERS),
                get("/api/households?placeId={placeId}", STAFF_AND_SELLERS),
                post("/api/households/import?dryRun=true", "text/csv", () -> "registrationNumber,headName\r\n", OFFICIALS),
                get("/api/households/export?placeId={placeId}", OFFICIALS),
                get("/api/households/account-changes", OFFICIALS),
                post("/api/households/account-changes/{changeId}/approve", () -> null, OFFICIALS),
                post("/api/households/account-changes/{changeId}/reject", () -> null, OFFICIALS),
                get("/api/households/{householdId}/income", READERS),
                get("/api/households/{householdId}/progress", READERS),
                get("/api/households/reports/places/{placeId}", OFFICIALS),
                get("/api/households/reports/places/{placeId}.csv", OFFICIALS),
                get("/api/households/reports/places/{placeId}/households", OFFICIALS),
                get("/api/households/reports/places/{placeId}/households.csv", OFFICIALS),
                post("/api/households/products/{productId}/linkage/versions", () -> json(Map.of("shares",
                        List.of(Map.of("householdId", household, "shares", 1)))), OWNER_OR_OFFICIALS),
                get("/api/households/products/{productId}/linkage", OWNER_OR_READERS),
                get("/api/households/products/{productId}/linkage/versions", OWNER_OR_READERS),
                get("/api/households/{householdId}/linkages", READERS),
                get("/api/households/public/products/{productId}/beneficiaries", ANYONE),
                post("/api/households/purchase-agreements", () -> json(Map.of("householdId", household)), OFFICIALS),
                post("/api/households/purchase-agreements/{agreementId}/deliveries", () -> json(Map.of(
                        "deliveredOn", LocalDate.now().toString(), "quantity", 1, "note", "检查")), OWNER_OR_OFFICIALS),
                get("/api/households/purchase-agreements/{agreementId}", OWNER_OR_READERS),
                get("/api/households/{householdId}/purchase-agreements", READERS),
                post("/api/households/presale/offers", () -> json(Map.of("householdId", household, "productId", product,
                        "description", "秋季大鹅", "deliveryDate", LocalDate.now().plusDays(90).toString())),
                        OWNER_OR_OFFICIALS),
                post("/api/households/presale/offers/{offerId}/withdraw", () -> null, OWNER_OR_OFFICIALS),
                get("/api/households/presale/offers", OFFICIALS),
                get("/api/households/presale/without-subscribers", OFFICIALS),
                get("/api/households/{householdId}/presale-subscribers", OFFICIALS),
                get("/api/households/audit", only(Who.ADMIN))));
    }

    @Test
    void listsEveryEndpoint() {
        matrix(Map.of(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()).coversEveryEndpointOf(mapping);
    }

    @Test
    void exposesOnlyHealthAndPrometheusOfTheActuator() {
        AccessMatrix.assertOnlyHealthAndPrometheusAreExposed("http://127.0.0.1:" + port);
    }

    @Test
    void answersEachCallerAsTheMatrixSays() {
        Fixtures.Village v = Fixtures.village(api);
        Map<String, Object> form = Fixtures.householdForm(v.villageId(), Fixtures.freshIdentityNumber());
        UUID household = Fixtures.household(api, form);
        UUID owner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
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

        matrix(form, v.villageId(), product, household).check("http://127.0.0.1:" + port, signature, Map.of(
                Who.CONSUMER, Caller.of("consumer", null, Role.CONSUMER),
                Who.SELLER_OWNER, Caller.of("seller", owner, Role.SELLER),
                Who.SELLER_OTHER, Caller.of("seller-cuicui", other, Role.SELLER),
                Who.CLERK, Caller.of("clerk", null, Role.CLERK),
                Who.OFFICIAL, Caller.of("official", null, Role.OFFICIAL),
                Who.ADMIN, Caller.of("admin", null, Role.ADMIN),
                Who.SERVICE, Caller.of("service:order-service", null, Role.SERVICE)),
                Map.of("placeId", v.districtId().toString(), "householdId", household.toString(),
                        "productId", product.toString(), "changeId", UUID.randomUUID().toString(),
                        "agreementId", agreement.body().get("agreementId").asString(),
                        "offerId", offer.body().get("offerId").asString()));
    }

    private String json(Object body) {
        return api.json().writeValueAsString(body);
    }
}
