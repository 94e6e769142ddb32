package io.fupin.catalog.seller;

import static io.fupin.catalog.CatalogApi.OFFICIAL;
import static io.fupin.catalog.CatalogApi.newCreditCode;
import static io.fupin.catalog.CatalogApi.sellerBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.CatalogApi;
import io.fupin.catalog.CatalogApi.Reply;
import io.fupin.catalog.IntegrationTest;
import io.fupin.support.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SellerApplicationIntegrationTests {

    static final String PATH = "/api/catalog/seller-applications";

    @Autowired
    CatalogApi api;
    @Autowired
    JdbcClient jdbc;

    static Caller newConsumer() {
        return Caller.of("person-" + UUID.randomUUID(), null, "CONSUMER");
    }

    static Map<String, Object> application(String name, String creditCode) {
        Map<String, Object> body = new HashMap<>(sellerBody(name, creditCode, "新兴镇"));
        body.put("documents", new ArrayList<>(List.of("营业执照 统一社会信用代码证书 扫描件：双城区市场监管局档案 2026-118",
                "合作社章程（纸质件已交镇扶贫站）")));
        return body;
    }

    @Test
    void anOfficialApprovesAnApplicationAndTheSellerIsRegisteredUnderItsCreditCode() {
        Caller applicant = newConsumer();
        String code = newCreditCode();
        Reply applied = api.call(applicant, HttpMethod.POST, PATH, application("双城区兴功村鹅业合作社", code));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(201);
        assertThat(applied.body()).containsEntry("status", "PENDING").containsEntry("applicant", applicant.userId())
                .containsEntry("creditCode", code);
        assertThat(applied.body().get("documents").toString()).contains("营业执照", "合作社章程");
        String id = (String) applied.body().get("id");

        Reply queue = api.call(OFFICIAL, HttpMethod.GET, PATH + "?size=200", null);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body().get("items").toString()).contains(id, "双城区兴功村鹅业合作社");

        Reply approved = api.call(OFFICIAL, HttpMethod.POST, PATH + "/" + id + "/approve", null);
        UUID seller = UUID.nameUUIDFromBytes(("seller:" + code).getBytes(StandardCharsets.UTF_8));
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body()).containsEntry("status", "APPROVED").containsEntry("decidedBy", "official")
                .containsEntry("sellerId", seller.toString());
        Reply registered = api.call(OFFICIAL, HttpMethod.GET, "/api/catalog/sellers/" + seller, null);
        assertThat(registered.body()).containsEntry("name", "双城区兴功村鹅业合作社").containsEntry("creditCode", code);
        assertThat(registered.body().get("contact").toString()).contains("13900139000");

        Reply mine = api.call(applicant, HttpMethod.GET, PATH + "/mine", null);
        assertThat(mine.body().get("items").toString()).contains(id, "APPROVED", seller.toString());
        Reply again = api.call(OFFICIAL, HttpMethod.POST, PATH + "/" + id + "/reject", Map.of("reason", "重复"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).containsEntry("type", "https://fupin.market/problems/application-decided");
    }

    @Test
    void grantsTheSellerOfAnApprovedApplicationOnlyToItsApplicantAndOnlyToServices() {
        Caller gateway = Caller.of("service:gateway", null, "SERVICE");
        Caller applicant = newConsumer();
        Caller rejected = newConsumer();
        String code = newCreditCode();
        String id = (String) api.call(applicant, HttpMethod.POST, PATH, application("兴功村鹅业合作社", code)).body().get("id");
        String refused = (String) api.call(rejected, HttpMethod.POST, PATH, application("对鹿鹅业", newCreditCode()))
                .body().get("id");

        Reply pending = api.call(gateway, HttpMethod.GET, "/internal/seller-grants/" + applicant.userId(), null);
        assertThat(pending.status()).isEqualTo(404);
        assertThat(pending.body()).containsEntry("type", "https://fupin.market/problems/not-found");

        api.call(OFFICIAL, HttpMethod.POST, PATH + "/" + id + "/approve", null);
        api.call(OFFICIAL, HttpMethod.POST, PATH + "/" + refused + "/reject", Map.of("reason", "材料不全"));

        Reply granted = api.call(gateway, HttpMethod.GET, "/internal/seller-grants/" + applicant.userId(), null);
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.body()).containsEntry("userId", applicant.userId()).containsEntry("sellerId",
                UUID.nameUUIDFromBytes(("seller:" + code).getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(api.call(gateway, HttpMethod.GET, "/internal/seller-grants/" + rejected.userId(), null).status())
                .isEqualTo(404);
        // the applicant itself (or anyone signed in) cannot ask: only a service can
        assertThat(api.call(applicant, HttpMethod.GET, "/internal/seller-grants/" + applicant.userId(), null).status())
                .isEqualTo(403);
    }

    @Test
    void aRejectionKeepsItsReasonForTheApplicantAndRegistersNothing() {
        Caller applicant = newConsumer();
        String code = newCreditCode();
        String id = (String) api.call(applicant, HttpMethod.POST, PATH, application("对鹿饮品", code)).body().get("id");

        assertThat(api.call(OFFICIAL, HttpMethod.POST, PATH + "/" + id + "/reject", Map.of("reason", " ")).status())
                .isEqualTo(400);
        Reply rejected = api.call(OFFICIAL, HttpMethod.POST, PATH + "/" + id + "/reject",
                Map.of("reason", "营业执照已过期，请补交新证"));

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body()).containsEntry("status", "REJECTED").containsEntry("reason", "营业执照已过期，请补交新证");
        assertThat(api.call(applicant, HttpMethod.GET, PATH + "/mine", null).body().get("items").toString())
                .contains("营业执照已过期，请补交新证");
        UUID seller = UUID.nameUUIDFromBytes(("seller:" + code).getBytes(StandardCharsets.UTF_8));
        assertThat(api.call(OFFICIAL, HttpMethod.GET, "/api/catalog/sellers/" + seller, null).status()).isEqualTo(404);
        // rejected, the same person may apply again with the same code
        assertThat(api.call(applicant, HttpMethod.POST, PATH, application("对鹿饮品", code)).status()).isEqualTo(201);
    }

    @Test
    void oneApplicationWaitsPerPersonAndPerCreditCode() {
        Caller applicant = newConsumer();
        String code = newCreditCode();
        assertThat(api.call(applicant, HttpMethod.POST, PATH, application("奇鑫米业", code)).status()).isEqualTo(201);

        Reply samePerson = api.call(applicant, HttpMethod.POST, PATH, application("奇鑫米业二厂", newCreditCode()));
        Reply sameCode = api.call(newConsumer(), HttpMethod.POST, PATH, application("奇鑫米业", code));

        assertThat(samePerson.status()).isEqualTo(409);
        assertThat(samePerson.body()).containsEntry("type", "https://fupin.market/problems/application-pending");
        assertThat(sameCode.status()).isEqualTo(409);
    }

    @Test
    void refusesARegisteredCreditCodeAndAMalformedOneNamingTheField() {
        String registered = newCreditCode();
        assertThat(api.call(OFFICIAL, HttpMethod.POST, "/api/catalog/sellers", sellerBody("龙江福米业", registered, "双城镇"))
                .status()).isEqualTo(201);
        Reply taken = api.call(newConsumer(), HttpMethod.POST, PATH, application("龙江福米业", registered));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).containsEntry("type", "https://fupin.market/problems/duplicate-credit-code");

        String valid = newCreditCode();
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        Caller applicant = newConsumer();
        Reply malformed = api.call(applicant, HttpMethod.POST, PATH, application("岗子峪米业", wrongCheck));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("errors").toString()).contains("creditCode");
        Map<String, Object> noDocuments = application("岗子峪米业", newCreditCode());
        noDocuments.put("documents", List.of());
        Reply withoutDocuments = api.call(applicant, HttpMethod.POST, PATH, noDocuments);
        assertThat(withoutDocuments.status()).isEqualTo(400);
        assertThat(withoutDocuments.body().get("errors").toString()).contains("documents");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM seller_application WHERE applicant = ?").param(applicant.userId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSellerCannotApplyAgain() {
        Reply reply = api.call(Caller.of("seller-2", UUID.randomUUID(), "CONSUMER", "SELLER"), HttpMethod.POST, PATH,
                application("翠翠食品有限公司", newCreditCode()));
        assertThat(reply.status()).isEqualTo(403);
    }
}
