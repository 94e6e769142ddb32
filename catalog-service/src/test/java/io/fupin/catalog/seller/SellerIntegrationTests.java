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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

@IntegrationTest
class SellerIntegrationTests {

    @Autowired
    CatalogApi api;

    @Test
    void anOfficialRegistersASellerWhoseIdDerivesFromItsCreditCode() {
        String code = newCreditCode();
        Reply registered = api.call(OFFICIAL, HttpMethod.POST, "/api/catalog/sellers", sellerBody("哈尔滨兢业蔬菜种植合作社", code, "新兴镇"));

        assertThat(registered.status()).isEqualTo(201);
        UUID expected = UUID.nameUUIDFromBytes(("seller:" + code).getBytes(StandardCharsets.UTF_8));
        assertThat(registered.body()).containsEntry("id", expected.toString()).containsEntry("kind", "COOPERATIVE")
                .containsEntry("creditCode", code).containsEntry("town", "新兴镇");

        Reply asOfficial = api.call(OFFICIAL, HttpMethod.GET, "/api/catalog/sellers/" + expected, null);
        assertThat(asOfficial.body().get("contact").toString()).contains("13900139000");
        Reply asVisitor = api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/sellers/" + expected, null);
        assertThat(asVisitor.body()).containsEntry("name", "哈尔滨兢业蔬菜种植合作社").doesNotContainKey("contact");
        Reply list = api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/sellers?size=200", null);
        assertThat(list.body().get("items").toString()).contains(expected.toString());
        assertThat(list.body()).containsKeys("page", "size", "totalItems", "totalPages", "links");
        assertThat(list.body().get("links").toString()).contains("self=/api/catalog/sellers?page=0&size=200");
    }

    @Test
    void refusesADuplicateCreditCode() {
        String code = newCreditCode();
        assertThat(api.call(OFFICIAL, HttpMethod.POST, "/api/catalog/sellers", sellerBody("对鹿饮品", code, "双城镇")).status())
                .isEqualTo(201);
        Reply again = api.call(Caller.of("admin", null, "ADMIN"), HttpMethod.POST, "/api/catalog/sellers",
                sellerBody("对鹿饮品有限公司", code, "双城镇"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).containsEntry("type", "https://fupin.market/problems/duplicate-credit-code");
    }

    @Test
    void namesAMalformedCreditCodeAndOtherInvalidFields() {
        String valid = newCreditCode();
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        for (String code : new String[] {wrongCheck, "91230113MA1B2G3X4", "9123011OMA1B2G3X4H", ""}) {
            Reply reply = api.call(OFFICIAL, HttpMethod.POST, "/api/catalog/sellers", sellerBody("奇鑫米业", code, "双城镇"));
            assertThat(reply.status()).as(code).isEqualTo(400);
            assertThat(reply.body().get("errors").toString()).as(code).contains("creditCode");
        }
        Map<String, Object> body = sellerBody("", newCreditCode(), "");
        body.put("kind", "PARTNERSHIP");
        assertThat(api.call(OFFICIAL, HttpMethod.POST, "/api/catalog/sellers", body).status()).isEqualTo(400);
        body.put("kind", "ENTERPRISE");
        body.put("contact", Map.of("name", "王", "phone", "not a phone"));
        Reply reply = api.call(OFFICIAL, HttpMethod.POST, "/api/catalog/sellers", body);
        assertThat(reply.body().get("errors").toString()).contains("name", "town", "contact.phone");
    }

    @Test
    void onlyOfficialsAndAdminsRegisterSellers() {
        Reply reply = api.call(Caller.of("s", null, "SELLER"), HttpMethod.POST, "/api/catalog/sellers",
                sellerBody("岗子峪米业", newCreditCode(), "双城镇"));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/sellers/" + UUID.randomUUID(), null).status())
                .isEqualTo(404);
    }
}
