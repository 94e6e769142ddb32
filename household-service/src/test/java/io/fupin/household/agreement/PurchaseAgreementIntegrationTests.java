package io.fupin.household.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PurchaseAgreementIntegrationTests {

    @Autowired
    Api api;

    Map<String, Object> agreement(UUID household, UUID seller, long priceFen, LocalDate from, LocalDate until) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("householdId", household);
        body.put("enterpriseName", "哈尔滨奇鑫米业有限公司");
        body.put("sellerId", seller);
        body.put("produce", "大鹅");
        body.put("qualityStandard", "活重 4 公斤以上, 散养 150 天");
        body.put("unit", "只");
        body.put("unitPriceFen", priceFen);
        body.put("agreedQuantity", 50);
        body.put("validFrom", from.toString());
        body.put("validUntil", until.toString());
        return body;
    }

    @Test
    void showsDeliveredValueAgainstTheAgreement() {
        Fixtures.Village v = Fixtures.village(api);
        UUID household = Fixtures.household(api, v.villageId());
        UUID seller = UUID.randomUUID();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Api.Answer recorded = api.post(Api.OFFICIAL, agreement(household, seller, 12_000, today.minusMonths(2), today.plusMonths(10)),
                "/api/households/purchase-agreements");
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        String id = recorded.body().get("agreementId").asString();
        assertThat(recorded.body().get("agreedValueFen").asLong()).isEqualTo(600_000);

        assertThat(api.post(Api.seller(seller), Map.of("deliveredOn", today.minusDays(3).toString(), "quantity", 20),
                "/api/households/purchase-agreements/{id}/deliveries", id).status()).isEqualTo(201);
        assertThat(api.post(Api.seller(UUID.randomUUID()), Map.of("deliveredOn", today.toString(), "quantity", 1),
                "/api/households/purchase-agreements/{id}/deliveries", id).status()).isEqualTo(403);
        Api.Answer second = api.post(Api.OFFICIAL, Map.of("deliveredOn", today.toString(), "quantity", 10, "note", "第二批"),
                "/api/households/purchase-agreements/{id}/deliveries", id);

        JsonNode view = second.body();
        assertThat(view.get("deliveredQuantity").asLong()).isEqualTo(30);
        assertThat(view.get("deliveredValueFen").asLong()).isEqualTo(360_000);
        assertThat(view.get("remainingQuantity").asLong()).isEqualTo(20);
        assertThat(view.get("deliveredPercent").decimalValue()).isEqualByComparingTo("60.0");
        assertThat(api.get(Api.CLERK, "/api/households/{h}/purchase-agreements", household).body().get("items").get(0)
                .get("deliveries").size()).isEqualTo(2);
    }

    @Test
    void rejectsAgreementsAndDeliveriesThatMakeNoSense() {
        Fixtures.Village v = Fixtures.village(api);
        UUID household = Fixtures.household(api, v.villageId());
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

        Api.Answer bad = api.post(Api.OFFICIAL, agreement(household, null, 0, today, today.minusDays(1)), "/api/households/purchase-agreements");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("unitPriceFen", "validUntil");
        assertThat(api.post(Api.OFFICIAL, agreement(UUID.randomUUID(), null, 100, today, today), "/api/households/purchase-agreements")
                .errorFields()).containsExactly("householdId");

        String id = api.post(Api.OFFICIAL, agreement(household, null, 100, today.minusDays(5), today.plusDays(5)),
                "/api/households/purchase-agreements").body().get("agreementId").asString();
        assertThat(api.post(Api.OFFICIAL, Map.of("deliveredOn", today.plusDays(1).toString(), "quantity", 0),
                "/api/households/purchase-agreements/{id}/deliveries", id).errorFields()).containsExactlyInAnyOrder("quantity", "deliveredOn");
    }
}
