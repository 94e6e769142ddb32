package io.fupin.household;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.identity.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Places and households for tests, with valid, unique identity numbers. */
public final class Fixtures {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final AtomicInteger SEQUENCE = new AtomicInteger(new java.util.Random().nextInt(200_000));

    private Fixtures() {
    }

    /** A valid 18-character number for the n-th person born on some day between 1930 and 2010 in 230113. */
    public static String identityNumber(int n) {
        java.time.LocalDate birth = java.time.LocalDate.of(1930, 1, 1).plusDays(n / 1000 % 29_000);
        String first17 = "230113" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** A fresh identity number no other test uses (tests share one database per run). */
    public static String freshIdentityNumber() {
        return identityNumber(10_000_000 + SEQUENCE.getAndIncrement() * 7);
    }

    public static String freshRegistrationNumber() {
        return "T-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** district → town → village, with unique names; returns their ids. */
    public record Village(UUID districtId, String districtName, UUID townId, String townName, UUID villageId,
            String villageName) {
    }

    public static Village village(Api api) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID district = place(api, "DISTRICT", "双城区-" + suffix, null);
        UUID town = place(api, "TOWN", "幸福镇" + suffix, district);
        UUID village = place(api, "VILLAGE", "兴功村" + suffix, town);
        return new Village(district, "双城区-" + suffix, town, "幸福镇" + suffix, village, "兴功村" + suffix);
    }

    public static UUID place(Api api, String kind, String name, UUID parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        body.put("parentId", parent);
        Api.Answer answer = api.post(Api.OFFICIAL, body, "/api/households/places");
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return UUID.fromString(answer.body().get("id").asString());
    }

    public static Map<String, Object> householdForm(UUID villageId, String identityNumber) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("registrationNumber", freshRegistrationNumber());
        form.put("headName", "王秀兰");
        form.put("identityNumber", identityNumber);
        form.put("mobile", "13845671234");
        form.put("members", 3);
        form.put("category", "REGISTERED_POOR");
        form.put("villageId", villageId);
        form.put("incomeProjects", List.of("GOOSE", "GARLIC"));
        form.put("bankName", "双城区农村信用合作联社");
        form.put("accountNumber", "6229960123456789012");
        return form;
    }

    public static UUID household(Api api, UUID villageId) {
        return household(api, householdForm(villageId, freshIdentityNumber()));
    }

    public static UUID household(Api api, Map<String, Object> form) {
        Api.Answer answer = api.post(Api.OFFICIAL, form, "/api/households");
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return UUID.fromString(answer.body().get("householdId").asString());
    }

    /** A product of {@code sellerId}, announced as catalog-service does, once household-service has recorded it. */
    public static UUID product(Api api, UUID sellerId) {
        return product(api, sellerId, UUID.randomUUID());
    }

    public static UUID product(Api api, UUID sellerId, UUID productId) {
        api.send("catalog-service.product-events.v1", productId.toString(), productListed(productId, sellerId, 1));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> sellerId.equals(api.productOwner(productId)));
        return productId;
    }

    /** catalog-service's record for a product as it stands at {@code revision} (docs/events.md). */
    public static String productListed(UUID productId, UUID sellerId, long revision) {
        return """
                {"eventId":"%s","eventType":"ProductListed","eventVersion":1,"occurredAt":"%s","aggregateId":"%s",
                 "payload":{"productId":"%s","sellerId":"%s","sellerName":"岗子峪米业有限公司","name":"稻花香大米",
                 "category":"RICE","brand":"永发鳅田","description":"","unit":"5kg","priceFen":5990,"costFen":800,
                 "costReason":"包装、运费","stock":100,"town":"幸福镇","village":"兴功村","status":"ON_SALE",
                 "certificate":null,"presale":null,"priceVersion":1,"changedAt":"%s","revision":%d,"createdAt":"%s"}}"""
                .formatted(UUID.randomUUID(), java.time.Instant.now(), productId, productId, sellerId,
                        java.time.Instant.now(), revision, java.time.Instant.now());
    }

    public static Caller official() {
        return Api.OFFICIAL;
    }
}
