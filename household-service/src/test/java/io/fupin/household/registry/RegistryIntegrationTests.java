package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RegistryIntegrationTests {

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

        Api.Answer seller = api.get(Api.seller(UUID.randomUUID()), "/api/households/{id}", id);
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
    void publishesRegistrationAndChangesWithThePayoutAccountAndAuditsTheChange() {
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

        var events = api.awaitRecords("household-service.household-events.v1", id.toString(), found -> found.size() >= 2);
        assertThat(events).extracting(e -> e.get("eventType").asString())
                .containsExactly("HouseholdRegistered", "HouseholdUpdated");
        var payload = events.get(1).get("payload");
        assertThat(payload.get("householdId").asString()).isEqualTo(id.toString());
        assertThat(payload.get("registrationNumber").asString()).isEqualTo(form.get("registrationNumber"));
        assertThat(payload.get("villageName").asString()).isEqualTo(v.villageName());
        assertThat(payload.get("townName").asString()).isEqualTo(v.townName());
        assertThat(payload.at("/payoutAccount/accountNumber").asString()).isEqualTo("6229960999999990001");
        assertThat(payload.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(events.get(0).get("eventVersion").asInt()).isEqualTo(1);

        Api.Answer audit = api.get(Api.ADMIN, "/api/households/audit?subjectId={id}&action=UPDATE", id);
        assertThat(audit.body().get(0).get("detail").asString()).contains("mobile", "accountNumber")
                .doesNotContain("identityNumber").doesNotContain("6229960999999990001");
    }

    @Test
    void listsHouseholdsOfAPlaceMaskedEvenForOfficials() {
        Fixtures.Village v = Fixtures.village(api);
        Fixtures.household(api, v.villageId());
        Fixtures.household(api, v.villageId());

        Api.Answer list = api.get(Api.OFFICIAL, "/api/households?placeId={id}", v.districtId());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().size()).isEqualTo(2);
        assertThat(list.body().findValuesAsString("identityNumber")).allMatch(n -> n.contains("********"));
    }
}
