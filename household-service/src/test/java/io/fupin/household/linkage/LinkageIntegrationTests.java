package io.fupin.household.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class LinkageIntegrationTests {

    @Autowired
    Api api;

    static Map<String, Object> declaration(UUID sellerId, Instant effectiveFrom, Object... householdsAndShares) {
        List<Map<String, Object>> shares = new java.util.ArrayList<>();
        for (int i = 0; i < householdsAndShares.length; i += 2) {
            Map<String, Object> share = new LinkedHashMap<>();
            share.put("householdId", householdsAndShares[i]);
            share.put("shares", householdsAndShares[i + 1]);
            shares.add(share);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sellerId", sellerId);
        body.put("lotName", "兴功村代养鹅 700 只");
        body.put("effectiveFrom", effectiveFrom == null ? null : effectiveFrom.toString());
        body.put("shares", shares);
        return body;
    }

    @Test
    void appliesEachVersionFromItsEffectiveTimeAndPublishesIt() {
        Fixtures.Village v = Fixtures.village(api);
        UUID a = Fixtures.household(api, v.villageId());
        UUID b = Fixtures.household(api, v.villageId());
        UUID c = Fixtures.household(api, v.villageId());
        UUID seller = UUID.randomUUID();
        UUID product = Fixtures.product(api, seller);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant later = now.plus(1, ChronoUnit.HOURS);

        Api.Answer first = api.post(Api.seller(seller), declaration(seller, null, a, 40, b, 38), "/api/households/products/{p}/linkage/versions", product);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.body().get("version").asInt()).isEqualTo(1);
        assertThat(first.body().get("totalShares").asLong()).isEqualTo(78);
        Api.Answer second = api.post(Api.OFFICIAL, declaration(seller, later, a, 40, b, 38, c, 1), "/api/households/products/{p}/linkage/versions", product);
        assertThat(second.status()).as(second.text()).isEqualTo(201);

        assertThat(api.get(Api.CLERK, "/api/households/products/{p}/linkage", product).body().get("version").asInt()).isEqualTo(1);
        assertThat(api.get(Api.CLERK, "/api/households/products/{p}/linkage?at={at}", product, later.minusSeconds(1)).body()
                .get("version").asInt()).isEqualTo(1);
        JsonNode atLater = api.get(Api.seller(seller), "/api/households/products/{p}/linkage?at={at}", product, later).body();
        assertThat(atLater.get("version").asInt()).isEqualTo(2);
        assertThat(atLater.get("shares").findValuesAsString("householdId")).hasSize(3);
        assertThat(api.get(Api.OFFICIAL, "/api/households/products/{p}/linkage/versions", product).body().get("items").size()).isEqualTo(2);
        JsonNode shareOfA = api.get(Api.OFFICIAL, "/api/households/{h}/linkages", a).body().get("items").get(0);
        assertThat(shareOfA.get("productId").asString()).isEqualTo(product.toString());
        assertThat(shareOfA.get("sellerId").asString()).isEqualTo(seller.toString());
        assertThat(shareOfA.get("version").asInt()).isEqualTo(1);
        assertThat(shareOfA.get("shares").asInt()).isEqualTo(40);
        assertThat(shareOfA.get("totalShares").asLong()).isEqualTo(78);
        assertThat(api.get(Api.OFFICIAL, "/api/households/{h}/linkages", c).body().get("items")).isEmpty();

        List<JsonNode> events = api.awaitRecords("household-service.linkage-events.v1", product.toString(), f -> f.size() >= 2);
        assertThat(events).extracting(e -> e.get("eventType").asString()).containsOnly("BenefitLinkageVersioned");
        JsonNode v2 = events.get(1).get("payload");
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("productId").asString()).isEqualTo(product.toString());
        assertThat(v2.get("sellerId").asString()).isEqualTo(seller.toString());
        assertThat(v2.get("lotName").asString()).isEqualTo("兴功村代养鹅 700 只");
        assertThat(Instant.parse(v2.get("effectiveFrom").asString())).isEqualTo(later);
        assertThat(v2.get("linkageId").asString()).isEqualTo(events.get(0).at("/payload/linkageId").asString());
        assertThat(v2.get("shares").findValuesAsString("householdId")).containsExactly(a.toString(), b.toString(), c.toString());
        assertThat(v2.get("shares").findValues("shares")).extracting(JsonNode::asInt).containsExactly(40, 38, 1);
    }

    @Test
    void showsAnyoneTheBeneficiariesMaskedWithCountsByCategory() {
        Fixtures.Village v = Fixtures.village(api);
        UUID poor = Fixtures.household(api, v.villageId());
        Map<String, Object> marginalForm = Fixtures.householdForm(v.villageId(), Fixtures.freshIdentityNumber());
        marginalForm.put("category", "MARGINAL");
        marginalForm.put("headName", "李建国");
        UUID marginal = Fixtures.household(api, marginalForm);
        UUID seller = UUID.randomUUID();
        UUID product = Fixtures.product(api, seller);
        String path = "/api/households/public/products/{p}/beneficiaries";
        assertThat(api.get(Api.ANONYMOUS, path, product).status()).isEqualTo(404);
        assertThat(api.post(Api.OFFICIAL, declaration(seller, null, poor, 3, marginal, 1),
                "/api/households/products/{p}/linkage/versions", product).status()).isEqualTo(201);

        Api.Answer answer = api.get(Api.ANONYMOUS, path, product);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().get("households").asInt()).isEqualTo(2);
        assertThat(answer.body().get("registeredPoor").asInt()).isEqualTo(1);
        assertThat(answer.body().get("marginal").asInt()).isEqualTo(1);
        assertThat(answer.body().get("totalShares").asLong()).isEqualTo(4);
        assertThat(answer.body().get("shares").findValuesAsString("maskedName")).containsExactlyInAnyOrder("王**", "李**");
        assertThat(answer.text()).doesNotContain(poor.toString(), marginal.toString(), "王秀", "李建国",
                "registrationNumber", "identity", "account");
    }

    @Test
    void rejectsZeroSharesMissingOrUnknownHouseholdsAndRewritingThePast() {
        Fixtures.Village v = Fixtures.village(api);
        UUID a = Fixtures.household(api, v.villageId());
        UUID seller = UUID.randomUUID();
        UUID product = Fixtures.product(api, seller);
        String path = "/api/households/products/{p}/linkage/versions";

        assertThat(api.post(Api.OFFICIAL, declaration(seller, null, a, 0), path, product).errorFields())
                .containsExactly("shares[0].shares");
        assertThat(api.post(Api.OFFICIAL, declaration(seller, null), path, product).errorFields()).containsExactly("shares");
        assertThat(api.post(Api.OFFICIAL, declaration(seller, null, UUID.randomUUID(), 3), path, product).errorFields())
                .containsExactly("shares[0].householdId");
        assertThat(api.post(Api.OFFICIAL, declaration(seller, null, a, 3, a, 2), path, product).errorFields())
                .containsExactly("shares[1].householdId");
        assertThat(api.post(Api.OFFICIAL, declaration(seller, Instant.now().minus(1, ChronoUnit.DAYS), a, 3), path, product)
                .errorFields()).containsExactly("effectiveFrom");
        assertThat(api.get(Api.OFFICIAL, "/api/households/products/{p}/linkage", product).status()).isEqualTo(404);

        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        assertThat(api.post(Api.OFFICIAL, declaration(seller, tomorrow, a, 3), path, product).status()).isEqualTo(201);
        Api.Answer before = api.post(Api.OFFICIAL, declaration(seller, tomorrow.minusSeconds(60), a, 5), path, product);
        assertThat(before.status()).isEqualTo(400);
        assertThat(before.errorFields()).containsExactly("effectiveFrom");
    }

    @Test
    void refusesAVersionNamingMoreHouseholdsThanItsEventCarries() {
        UUID seller = UUID.randomUUID();
        UUID product = Fixtures.product(api, seller);
        Object[] sharesOf5001 = new Object[2 * (BenefitLinkages.MAX_SHARES + 1)];
        for (int i = 0; i < sharesOf5001.length; i += 2) {
            sharesOf5001[i] = UUID.randomUUID();
            sharesOf5001[i + 1] = 1;
        }

        Api.Answer tooMany = api.post(Api.OFFICIAL, declaration(seller, null, sharesOf5001),
                "/api/households/products/{p}/linkage/versions", product);

        assertThat(tooMany.status()).as(tooMany.text()).isEqualTo(400);
        assertThat(tooMany.errorFields()).containsExactly("shares");
        assertThat(api.get(Api.OFFICIAL, "/api/households/products/{p}/linkage", product).status()).isEqualTo(404);
    }

    @Test
    void letsASellerDeclareOnlyForItsOwnProducts() {
        Fixtures.Village v = Fixtures.village(api);
        UUID a = Fixtures.household(api, v.villageId());
        UUID owner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID product = Fixtures.product(api, owner);
        String path = "/api/households/products/{p}/linkage/versions";

        assertThat(api.post(Api.seller(other), declaration(owner, null, a, 1), path, product).status()).isEqualTo(403);
        assertThat(api.post(Api.seller(owner), declaration(owner, null, a, 1), path, product).status()).isEqualTo(201);
        Api.Answer takeover = api.post(Api.seller(other), declaration(other, Instant.now().plusSeconds(3600), a, 1), path, product);
        assertThat(takeover.status()).isEqualTo(403);
        assertThat(api.get(Api.seller(other), "/api/households/products/{p}/linkage", product).status()).isEqualTo(403);
        assertThat(api.post(Api.CONSUMER, declaration(owner, null, a, 1), path, product).status()).isEqualTo(403);
    }

    @Test
    void letsOnlyTheProductsOwnerDeclareItsLinkageEvenFirst() {
        Fixtures.Village v = Fixtures.village(api);
        UUID a = Fixtures.household(api, v.villageId());
        UUID owner = UUID.randomUUID();
        UUID hijacker = UUID.randomUUID();
        UUID product = Fixtures.product(api, owner);
        String path = "/api/households/products/{p}/linkage/versions";

        Api.Answer hijack = api.post(Api.seller(hijacker), declaration(hijacker, null, a, 1), path, product);
        assertThat(hijack.status()).as(hijack.text()).isEqualTo(403);
        assertThat(api.get(Api.OFFICIAL, "/api/households/products/{p}/linkage", product).status()).isEqualTo(404);
        Api.Answer forAnother = api.post(Api.OFFICIAL, declaration(hijacker, null, a, 1), path, product);
        assertThat(forAnother.status()).as(forAnother.text()).isEqualTo(400);
        assertThat(forAnother.errorFields()).containsExactly("sellerId");

        Api.Answer own = api.post(Api.seller(owner), declaration(null, null, a, 1), path, product);
        assertThat(own.status()).as(own.text()).isEqualTo(201);
        assertThat(own.body().get("sellerId").asString()).isEqualTo(owner.toString());
    }

    @Test
    void refusesADeclarationUntilCatalogHasAnnouncedTheProduct() {
        Fixtures.Village v = Fixtures.village(api);
        UUID a = Fixtures.household(api, v.villageId());
        UUID owner = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        String path = "/api/households/products/{p}/linkage/versions";

        Api.Answer early = api.post(Api.seller(owner), declaration(owner, null, a, 1), path, product);
        assertThat(early.status()).as(early.text()).isEqualTo(409);
        assertThat(early.body().get("type").asString()).endsWith("/product-not-known");
        assertThat(early.body().get("detail").asString()).contains(product.toString());

        Fixtures.product(api, owner, product);
        assertThat(api.post(Api.seller(owner), declaration(owner, null, a, 1), path, product).status()).isEqualTo(201);
    }
}
