package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import io.fupin.support.crypto.KeyRing;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RegistryIntegrationTests {

    @Value("${fupin.household.payout-account-key}")
    String payoutAccountKey;

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void showsPersonalNumbersInClearOnlyToOfficialsAndAdminsAndAuditsEachSuchRead() {
        Fixtures.Village v = Fixtures.village(api);
        String identity = Fixtures.freshIdentityNumber();
        UUID id = Fixtures.household(api, Fixtures.householdForm(v.villageId(), identity));

        Api.Answer official = api.get(Api.OFFICIAL, "/api/households/{id}", id);
        assertThat(official.body().get("identityNumber").asString()).isEqualTo(identity);
        assertThat(official.body().at("/payoutAccount/accountNumber").asString()).isEqualTo("6229960123456789012");
        assertThat(official.body().get("masked").asBoolean()).isFalse();

        UUID sellerId = UUID.randomUUID();
        assertThat(api.post(Api.OFFICIAL, Map.of("shares", java.util.List.of(Map.of("householdId", id, "shares", 1))),
                "/api/households/products/{p}/linkage/versions", Fixtures.product(api, sellerId)).status()).isEqualTo(201);
        Api.Answer seller = api.get(Api.seller(sellerId), "/api/households/{id}", id);
        assertThat(seller.body().get("identityNumber").asString())
                .isEqualTo(identity.substring(0, 6) + "********" + identity.substring(14));
        assertThat(seller.body().at("/payoutAccount/accountNumber").asString()).isEqualTo("6229***********9012");
        assertThat(seller.body().get("mobile").asString()).isEqualTo("138****1234");
        assertThat(api.get(Api.CLERK, "/api/households/{id}", id).body().get("masked").asBoolean()).isTrue();
        assertThat(api.get(Api.CONSUMER, "/api/households/{id}", id).status()).isEqualTo(403);

        api.get(Api.ADMIN, "/api/households/{id}", id);
        Api.Answer audit = api.get(Api.ADMIN, "/api/households/audit?subjectId={id}", id);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body().findValuesAsString("action")).containsExactly("READ_UNMASKED", "READ_UNMASKED", "REGISTER");
        assertThat(audit.body().findValuesAsString("actor")).containsExactly("admin-1", "official-1", "official-1");
        assertThat(api.get(Api.OFFICIAL, "/api/households/audit?subjectId={id}", id).status()).isEqualTo(403);
    }

    @Test
    void keepsIdentityAndAccountNumbersEncryptedAtRest() {
        Fixtures.Village v = Fixtures.village(api);
        String identity = Fixtures.freshIdentityNumber();
        UUID id = Fixtures.household(api, Fixtures.householdForm(v.villageId(), identity));

        Map<String, Object> row = jdbc.sql("SELECT * FROM household WHERE id = ?").param(id.toString()).query().singleRow();
        assertThat(row.values().toString()).doesNotContain(identity).doesNotContain("6229960123456789012");
        assertThat(row.get("identity_masked")).isEqualTo(identity.substring(0, 6) + "********" + identity.substring(14));
    }

    @Test
    void rejectsBadInputNamingEachFieldAndWritesNothing() {
        Fixtures.Village v = Fixtures.village(api);
        String identity = Fixtures.freshIdentityNumber();
        char wrongCheck = identity.charAt(17) == '1' ? '2' : '1';
        Map<String, Object> form = Fixtures.householdForm(UUID.randomUUID(), identity.substring(0, 17) + wrongCheck);
        form.put("category", "RICH");
        form.put("incomeProjects", java.util.List.of("GOOSE", "TULIPS"));

        Api.Answer answer = api.post(Api.OFFICIAL, form, "/api/households");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("type").asString()).endsWith("/invalid-request");
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("identityNumber", "village", "category", "incomeProjects");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM household WHERE registration_number = ?")
                .param(form.get("registrationNumber")).query(Long.class).single()).isZero();
    }

    @Test
    void refusesASecondHouseholdWithTheSameRegistrationOrIdentityNumber() {
        Fixtures.Village v = Fixtures.village(api);
        Map<String, Object> form = Fixtures.householdForm(v.villageId(), Fixtures.freshIdentityNumber());
        Fixtures.household(api, form);

        Map<String, Object> sameNumber = Fixtures.householdForm(v.villageId(), Fixtures.freshIdentityNumber());
        sameNumber.put("registrationNumber", form.get("registrationNumber"));
        Api.Answer duplicate = api.post(Api.OFFICIAL, sameNumber, "/api/households");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.errorFields()).containsExactly("registrationNumber");

        Map<String, Object> samePerson = Fixtures.householdForm(v.villageId(), (String) form.get("identityNumber"));
        Api.Answer person = api.post(Api.OFFICIAL, samePerson, "/api/households");
        assertThat(person.status()).isEqualTo(400);
        assertThat(person.errorFields()).containsExactly("identityNumber");
    }

    @Test
    void publishesRegistrationAndChangesWithThePayoutAccountSealedNeverInClearAndAuditsTheChange() {
        Fixtures.Village v = Fixtures.village(api);
        Map<String, Object> form = Fixtures.householdForm(v.villageId(), Fixtures.freshIdentityNumber());
        UUID id = Fixtures.household(api, form);

        Map<String, Object> change = new java.util.HashMap<>(form);
        change.remove("identityNumber");
        change.put("accountNumber", "6229960999999990001");
        change.put("mobile", "13900001111");
        Api.Answer stale = api.put(Api.OFFICIAL, change, "\"7\"", "/api/households/{id}", id);
        assertThat(stale.status()).isEqualTo(409);
        Api.Answer updated = api.put(Api.OFFICIAL, change, "\"1\"", "/api/households/{id}", id);
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.body().get("version").asLong()).isEqualTo(2);
        assertThat(updated.body().get("identityNumber").asString()).isEqualTo(form.get("identityNumber"));
        String accountChange = updated.body().at("/pendingAccountChange/changeId").asString();
        assertThat(api.post(Api.ADMIN, Map.of(), "/api/households/account-changes/{c}/approve", accountChange).status())
                .isEqualTo(200);

        var events = api.awaitRecords("household-service.household-events.v1", id.toString(), found -> found.size() >= 3);
        assertThat(events).extracting(e -> e.get("eventType").asString())
                .containsExactly("HouseholdRegistered", "HouseholdUpdated", "HouseholdUpdated");
        var payload = events.get(2).get("payload");
        assertThat(payload.get("householdId").asString()).isEqualTo(id.toString());
        assertThat(payload.get("registrationNumber").asString()).isEqualTo(form.get("registrationNumber"));
        assertThat(payload.get("villageName").asString()).isEqualTo(v.villageName());
        assertThat(payload.get("townName").asString()).isEqualTo(v.townName());
        // Read off the topic by a consumer of its own: the numbers appear nowhere, only masked and sealed.
        assertThat(events).allSatisfy(event -> assertThat(event.toString()).doesNotContain("6229960999999990001")
                .doesNotContain((String) form.get("accountNumber")));
        assertThat(payload.at("/payoutAccount/accountNumber").isMissingNode()).isTrue();
        assertThat(payload.at("/payoutAccount/accountMasked").asString()).isEqualTo("6229***********0001");
        KeyRing settlementKey = KeyRing.fromSettings("FUPIN_PAYOUT_ACCOUNT_KEY", payoutAccountKey, "", "");
        assertThat(settlementKey.open(KeyRing.Sealed.parse(payload.at("/payoutAccount/accountSealed").asString()),
                "household/" + id + "/payout-account")).as("settlement, given the key, reads the number")
                .isEqualTo("6229960999999990001");
        assertThatThrownBy(() -> settlementKey.open(KeyRing.Sealed.parse(payload.at("/payoutAccount/accountSealed")
                .asString()), "household/" + UUID.randomUUID() + "/payout-account"))
                .as("copied into another household's event, it does not open").isInstanceOf(KeyRing.UnreadableValue.class);
        assertThat(payload.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(events.get(0).get("eventVersion").asInt()).isEqualTo(1);

        Api.Answer audit = api.get(Api.ADMIN, "/api/households/audit?subjectId={id}&action=UPDATE", id);
        assertThat(audit.body().get("items").get(0).get("detail").asString()).contains("mobile")
                .doesNotContain("identityNumber").doesNotContain("6229960999999990001");
    }

    @Test
    void aNewPayoutAccountTakesEffectOnlyOnceASecondPersonApprovesIt() {
        Fixtures.Village v = Fixtures.village(api);
        Map<String, Object> form = Fixtures.householdForm(v.villageId(), Fixtures.freshIdentityNumber());
        UUID id = Fixtures.household(api, form);
        Map<String, Object> change = new java.util.HashMap<>(form);
        change.remove("identityNumber");
        change.put("bankName", "中国邮政储蓄银行");
        change.put("accountNumber", "6210980000000000077");

        Api.Answer asked = api.put(Api.OFFICIAL, change, null, "/api/households/{id}", id);

        assertThat(asked.status()).as(asked.text()).isEqualTo(200);
        assertThat(asked.body().at("/payoutAccount/accountNumber").asString()).isEqualTo(form.get("accountNumber"));
        assertThat(asked.body().at("/pendingAccountChange/maskedAccount").asString()).isEqualTo("6210***********0077");
        String changeId = asked.body().at("/pendingAccountChange/changeId").asString();
        assertThat(api.get(Api.OFFICIAL, "/api/households/{id}", id).body().at("/payoutAccount/bankName").asString())
                .isEqualTo(form.get("bankName"));
        assertThat(api.get(Api.ADMIN, "/api/households/account-changes").body().toString()).contains(changeId);

        Api.Answer own = api.post(Api.OFFICIAL, Map.of(), "/api/households/account-changes/{c}/approve", changeId);
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.body().get("type").asString()).endsWith("/own-approval");
        assertThat(api.post(Api.CLERK, Map.of(), "/api/households/account-changes/{c}/approve", changeId).status())
                .isEqualTo(403);
        Api.Answer approved = api.post(Api.ADMIN, Map.of(), "/api/households/account-changes/{c}/approve", changeId);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);

        Api.Answer now = api.get(Api.OFFICIAL, "/api/households/{id}", id);
        assertThat(now.body().at("/payoutAccount/accountNumber").asString()).isEqualTo("6210980000000000077");
        assertThat(now.body().at("/payoutAccount/bankName").asString()).isEqualTo("中国邮政储蓄银行");
        assertThat(now.body().get("pendingAccountChange").isNull()).isTrue();
        assertThat(api.post(Api.ADMIN, Map.of(), "/api/households/account-changes/{c}/approve", changeId).status())
                .isEqualTo(409);
    }

    @Test
    void aSellerSeesOnlyTheHouseholdsLinkedToItsOwnProductsMasked() {
        Fixtures.Village v = Fixtures.village(api);
        UUID linked = Fixtures.household(api, v.villageId());
        UUID other = Fixtures.household(api, v.villageId());
        UUID seller = UUID.randomUUID();
        UUID product = Fixtures.product(api, seller);
        assertThat(api.post(Api.OFFICIAL, Map.of("shares", java.util.List.of(Map.of("householdId", linked, "shares", 1))),
                "/api/households/products/{p}/linkage/versions", product).status()).isEqualTo(201);

        Api.Answer list = api.get(Api.seller(seller), "/api/households?placeId={id}", v.districtId());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains(linked.toString()).doesNotContain(other.toString());
        assertThat(list.body().get("totalItems").asLong()).isEqualTo(1);
        assertThat(list.text()).doesNotContain((String) Fixtures.householdForm(v.villageId(), "x").get("accountNumber"));
        Api.Answer stranger = api.get(Api.seller(UUID.randomUUID()), "/api/households?placeId={id}", v.districtId());
        assertThat(stranger.text()).doesNotContain(linked.toString()).doesNotContain(other.toString());

        Api.Answer own = api.get(Api.seller(seller), "/api/households/{id}", linked);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().get("masked").asBoolean()).isTrue();
        assertThat(api.get(Api.seller(seller), "/api/households/{id}", other).status()).isEqualTo(403);
    }

    @Test
    void listsHouseholdsOfAPlaceMaskedEvenForOfficials() {
        Fixtures.Village v = Fixtures.village(api);
        Fixtures.household(api, v.villageId());
        Fixtures.household(api, v.villageId());

        Api.Answer list = api.get(Api.OFFICIAL, "/api/households?placeId={id}", v.districtId());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items").size()).isEqualTo(2);
        assertThat(list.body().get("totalItems").asLong()).isEqualTo(2);
        assertThat(list.body().get("items").findValuesAsString("identityNumber")).allMatch(n -> n.contains("********"));
    }

    @Test
    void pagesHouseholdsInRegistrationOrderWithLinksThatKeepThePlace() {
        Fixtures.Village v = Fixtures.village(api);
        Fixtures.household(api, v.villageId());
        Fixtures.household(api, v.villageId());
        Fixtures.household(api, v.villageId());

        Api.Answer first = api.get(Api.CLERK, "/api/households?placeId={id}&size=2", v.villageId());

        assertThat(first.body().get("items").size()).isEqualTo(2);
        assertThat(first.body().get("page").asInt()).isZero();
        assertThat(first.body().get("totalItems").asLong()).isEqualTo(3);
        assertThat(first.body().get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.body().get("links").get("next").asString())
                .isEqualTo("/api/households?placeId=" + v.villageId() + "&page=1&size=2");
        Api.Answer second = api.get(Api.CLERK, first.body().get("links").get("next").asString());
        assertThat(second.body().get("items").size()).isEqualTo(1);
        assertThat(second.body().get("items").get(0).get("registrationNumber").asString())
                .isGreaterThan(first.body().get("items").get(1).get("registrationNumber").asString());

        Api.Answer overflow = api.get(Api.CLERK, "/api/households?page=2147483647&size=1000");
        assertThat(overflow.status()).isEqualTo(400);
        assertThat(overflow.body().get("type").asString()).isEqualTo("https://fupin.market/problems/invalid-request");
    }
}
