package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.system.Platform.Reply;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Products the tests list themselves, through the gateway as a seller's admin and an official would. */
final class Listings {

    private Listings() {
    }

    /** A seller registered by an official, a product it lists, certified by an official: on sale. */
    static String listProduct(Platform platform, String name, String category, int stock, long priceFen, long costFen) {
        String creditCode = creditCode("93230113MA1T" + "%05d".formatted(Math.floorMod(UUID.randomUUID().hashCode(), 100_000)));
        Reply seller = platform.post("official", "/api/catalog/sellers", Map.of("name", "系统测试合作社 " + creditCode,
                "kind", "COOPERATIVE", "creditCode", creditCode, "contact", Map.of("name", "测试", "phone", "0451-53110000"),
                "town", "联兴镇", "village", "兴功村"), Map.of());
        assertThat(seller.status()).as(seller.raw().body()).isIn(201, 409);
        String sellerId = UUID.nameUUIDFromBytes(("seller:" + creditCode).getBytes(StandardCharsets.UTF_8)).toString();

        Map<String, Object> product = new HashMap<>(Map.of("sellerId", sellerId, "name", name, "category", category,
                "unit", "500 g bag", "priceFen", priceFen, "costFen", costFen, "stock", stock));
        if (costFen > 0) {
            product.put("costReason", "包装与物流");
        }
        Reply listed = platform.post("admin", "/api/catalog/products", product, Map.of());
        assertThat(listed.status()).as(listed.raw().body()).isEqualTo(201);
        String id = listed.body().get("id").asString();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Reply requested = platform.post("admin", "/api/catalog/products/" + id + "/certification-request", Map.of(
                "certificateNumber", "SYS-" + id.substring(0, 8), "issuingBody", "国务院扶贫办",
                "validFrom", today.minusDays(1).toString(), "validUntil", today.plusYears(1).toString()), Map.of());
        assertThat(requested.status()).as(requested.raw().body()).isEqualTo(200);
        Reply approved = platform.post("official", "/api/catalog/products/" + id + "/certification/approve", Map.of(), Map.of());
        assertThat(approved.status()).as(approved.raw().body()).isEqualTo(200);
        return id;
    }

    /**
     * A product the demo seller user lists itself, asks certification for and an official certifies: on sale, at
     * {@code priceFen} a unit with {@code costFen} of packaging cost.
     */
    static String certifiedProductOf(Platform platform, String sellerUser, String name, String category, long priceFen,
            long costFen, int stock) {
        Reply listed = platform.post(sellerUser, "/api/catalog/products", Map.of("name", name, "category", category,
                "unit", "袋", "priceFen", priceFen, "costFen", costFen, "costReason", "包装", "stock", stock), Map.of());
        assertThat(listed.status()).as(listed.raw().body()).isEqualTo(201);
        String id = listed.body().get("id").asString();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Reply requested = platform.post(sellerUser, "/api/catalog/products/" + id + "/certification-request",
                Map.of("certificateNumber", "FP-" + name, "issuingBody", "双城区扶贫办", "validFrom",
                        today.minusDays(1).toString(), "validUntil", today.plusYears(1).toString()), Map.of());
        assertThat(requested.status()).as(requested.raw().body()).isEqualTo(200);
        Reply approved = platform.post("official", "/api/catalog/products/" + id + "/certification/approve", null,
                Map.of());
        assertThat(approved.status()).as(approved.raw().body()).isEqualTo(200);
        return id;
    }

    /** GB 32100: the 18th character checks the first 17. */
    static String creditCode(String first17) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(first17.charAt(i)) * weights[i];
        }
        int check = 31 - sum % 31;
        return first17 + chars.charAt(check == 31 ? 0 : check);
    }
}
