package io.fupin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.CatalogApi.Reply;
import io.fupin.support.identity.Caller;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpMethod;

/** Builds sellers and products through the real API, as officials and sellers would. */
public final class CatalogFixtures {

    public static final Caller ADMIN = Caller.of("admin", null, "ADMIN");
    public static final Caller OFFICIAL = Caller.of("official", null, "OFFICIAL");
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final CatalogApi api;

    public CatalogFixtures(CatalogApi api) {
        this.api = api;
    }

    /** A fresh, well-formed unified social credit code (check character computed per GB 32100). */
    public static String newCreditCode() {
        StringBuilder code = new StringBuilder("91230113");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return code.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    public static Map<String, Object> sellerBody(String name, String creditCode, String town) {
        return new HashMap<>(Map.of("name", name, "kind", "COOPERATIVE", "creditCode", creditCode,
                "contact", Map.of("name", "李建国", "phone", "13900139000"), "town", town, "village", "兴功村"));
    }

    public UUID registerSeller(String name, String town) {
        Reply reply = api.call(OFFICIAL, HttpMethod.POST, "/api/catalog/sellers", sellerBody(name, newCreditCode(), town));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return UUID.fromString((String) reply.body().get("id"));
    }

    public UUID registerSeller() {
        return registerSeller("岗子峪米业有限公司", "双城镇");
    }

    public static Map<String, Object> productBody(Map<String, Object> overrides) {
        Map<String, Object> product = new HashMap<>(Map.of("name", "稻花香大米", "category", "RICE", "unit", "5 kg bag",
                "priceFen", 4990, "costFen", 600, "costReason", "packaging and freight", "stock", 100,
                "brand", "永发鳅田", "description", "五常稻花香，当年新米"));
        product.putAll(overrides);
        return product;
    }

    /** A draft listed by an admin for the seller. */
    public UUID draft(UUID seller, Map<String, Object> overrides) {
        Map<String, Object> body = productBody(overrides);
        body.put("sellerId", seller);
        Reply reply = api.call(ADMIN, HttpMethod.POST, "/api/catalog/products", body);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.body()).containsEntry("status", "DRAFT");
        return UUID.fromString((String) reply.body().get("id"));
    }

    public Reply requestCertification(Caller caller, UUID product) {
        return api.call(caller, HttpMethod.POST, "/api/catalog/products/" + product + "/certification-request",
                Map.of("certificateNumber", "FP-2026-" + product.toString().substring(0, 8), "issuingBody",
                        "哈尔滨市扶贫办", "validFrom", LocalDate.now().minusDays(30).toString(), "validUntil",
                        LocalDate.now().plusYears(1).toString()));
    }

    /** Listed, certification requested and approved: on sale. */
    public UUID certified(UUID seller, Map<String, Object> overrides) {
        UUID product = draft(seller, overrides);
        assertThat(requestCertification(ADMIN, product).status()).isEqualTo(200);
        Reply approved = api.call(OFFICIAL, HttpMethod.POST, "/api/catalog/products/" + product + "/certification/approve", null);
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body()).containsEntry("status", "ON_SALE");
        return product;
    }

    public UUID certified(int stock, long priceFen, long costFen) {
        return certified(registerSeller(), Map.of("name", "翠小妹花生", "category", "PEANUTS", "unit", "500 g bag",
                "priceFen", priceFen, "costFen", costFen, "stock", stock));
    }
}
