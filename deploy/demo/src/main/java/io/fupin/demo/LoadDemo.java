package io.fupin.demo;

import io.fupin.demo.Api.Reply;
import io.fupin.demo.Catalogue.Product;
import io.fupin.demo.Catalogue.Seller;
import io.fupin.demo.Households.Household;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;

/**
 * Loads the demo district through the gateway's public API, as officials, sellers and admins would:
 * places, 2,611 households, sellers, certified products, benefit linkages (among them the goose lot of
 * 兴功村), purchase agreements and presale offers. Every step is idempotent: what exists is left alone.
 */
final class LoadDemo {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Api api;
    private final District district = District.shuangcheng();
    private final List<Household> households = Households.of(district);
    private final Catalogue catalogue = new Catalogue(district);
    private final Map<String, UUID> placeIds = new HashMap<>();
    private final Map<String, UUID> householdIds = new HashMap<>();
    private final Map<String, UUID> productIds = new LinkedHashMap<>();

    LoadDemo(Api api) {
        this.api = api;
    }

    void run() {
        long started = System.nanoTime();
        step("places", this::places);
        step("households", this::households);
        step("sellers", this::sellers);
        step("certified products", this::products);
        step("product photos", this::photos);
        step("benefit linkages", this::linkages);
        step("purchase agreements", this::agreements);
        step("presale offers", this::presaleOffers);
        System.out.printf("  demo data ready in %.1f s: %d households, %d sellers, %d products%n",
                (System.nanoTime() - started) / 1e9, householdIds.size(), catalogue.sellers.size(), productIds.size());
    }

    /** Thrown when one step of the load fails; names the step, so that the operator knows where it stopped. */
    static final class StepFailed extends RuntimeException {

        final String step;

        StepFailed(String step, RuntimeException cause) {
            super("demo step '" + step + "' failed: " + cause.getMessage(), cause);
            this.step = step;
        }
    }

    private static void step(String name, Runnable work) {
        long started = System.nanoTime();
        try {
            work.run();
        } catch (RuntimeException e) {
            throw new StepFailed(name, e);
        }
        System.out.printf("  %-28s done in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
    }

    private void places() {
        Progress progress = new Progress("places", 1 + district.towns().size()
                + district.towns().stream().mapToInt(t -> t.villages().size()).sum());
        for (JsonNode place : api.get("official", "/api/households/places").expect(200).items()) {
            placeIds.put(place.get("kind").asString() + ":" + place.get("name").asString(), UUID.fromString(place.get("id").asString()));
        }
        UUID districtId = place("DISTRICT", district.name(), null);
        progress.step(1);
        for (District.Town town : district.towns()) {
            UUID townId = place("TOWN", town.name(), districtId);
            progress.step(1);
            for (String village : town.villages()) {
                place("VILLAGE", village, townId);
                progress.step(1);
            }
        }
    }

    private UUID place(String kind, String name, UUID parentId) {
        return placeIds.computeIfAbsent(kind + ":" + name, k -> {
            Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "name", name));
            if (parentId != null) {
                body.put("parentId", parentId);
            }
            return UUID.fromString(api.post("official", "/api/households/places", body).expect(201).body().get("id").asString());
        });
    }

    private void households() {
        Progress progress = new Progress("households", households.size());
        readHouseholds();
        if (householdIds.isEmpty()) {
            Reply report = api.postText("official", "/api/households/import?dryRun=false", "text/csv; charset=UTF-8",
                    Households.csv(households));
            if (report.status() != 200 || report.body().get("imported").asInt() != households.size()) {
                throw new IllegalStateException("Household import refused: " + report.text());
            }
            readHouseholds();
        }
        progress.step(householdIds.size());
        // Officials may have registered more households since; the demo's own must all be there.
        List<String> missing = households.stream().map(h -> h.registrationNumber())
                .filter(number -> !householdIds.containsKey(number)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(missing.size() + " of the demo's " + households.size()
                    + " households are not registered, " + missing.getFirst() + " among them");
        }
    }

    private void readHouseholds() {
        String next = "/api/households?size=1000";
        while (next != null) {
            JsonNode page = api.get("official", next).expect(200).body();
            for (JsonNode h : page.get("items")) {
                householdIds.put(h.get("registrationNumber").asString(), UUID.fromString(h.get("householdId").asString()));
            }
            next = page.path("links").path("next").asString(null);
        }
    }

    private void sellers() {
        Progress progress = new Progress("sellers", catalogue.sellers.size());
        int n = 0;
        for (Seller seller : catalogue.sellers) {
            String phone = "0451-5311%04d".formatted(++n);
            Reply reply = api.post("admin", "/api/catalog/sellers", Map.of("name", seller.name(), "kind", seller.kind(),
                    "creditCode", seller.creditCode(), "contact", Map.of("name", seller.contact(), "phone", phone),
                    "town", seller.town(), "village", seller.village()));
            reply.expect(201, 409);
            progress.step(1);
        }
    }

    private void products() {
        Progress progress = new Progress("certified products", catalogue.products.size());
        Map<String, UUID> existing = new HashMap<>();
        for (Seller seller : catalogue.sellers) {
            api.get("admin", "/api/catalog/products/worklist?sellerId=" + seller.id() + "&size=100").items()
                    .forEach(p -> existing.put(seller.id() + ":" + p.get("name").asString() + ":" + p.get("unit").asString(),
                            UUID.fromString(p.get("id").asString())));
        }
        LocalDate today = LocalDate.now(SHANGHAI);
        int n = 0;
        for (Product product : catalogue.products) {
            UUID id = existing.get(product.seller().id() + ":" + product.name() + ":" + product.unit());
            if (id == null) {
                Map<String, Object> body = new HashMap<>();
                body.put("sellerId", product.seller().id());
                body.put("name", product.name());
                body.put("category", product.category());
                body.put("brand", product.brand());
                body.put("description", product.description());
                body.put("unit", product.unit());
                body.put("priceFen", product.priceFen());
                body.put("costFen", product.costFen());
                body.put("costReason", product.costReason());
                body.put("stock", product.stock());
                body.put("originVillage", product.village());
                if (product.presale()) {
                    body.put("presale", Map.of("deliveryDate", today.plusDays(60), "capacity", product.stock()));
                }
                id = UUID.fromString(api.post("admin", "/api/catalog/products", body).expect(201).body().get("id").asString());
                api.post("admin", "/api/catalog/products/" + id + "/certification-request", Map.of(
                        "certificateNumber", "FP2019-230113-%04d".formatted(++n), "issuingBody", "国务院扶贫办中国社会扶贫网",
                        "validFrom", today.minusMonths(3), "validUntil", today.plusYears(2))).expect(200, 201);
                api.post("official", "/api/catalog/products/" + id + "/certification/approve", Map.of()).expect(200, 201);
            }
            productIds.put(product.key(), id);
            progress.step(1);
        }
    }

    /** A few products get a photo from their seller (the rest show their category's picture); kept if present. */
    private void photos() {
        ProductPhotos.DRAWN.keySet().stream().sorted().forEach(key -> {
            UUID id = productIds.get(key);
            if (api.get("admin", "/api/catalog/products/" + id).expect(200).body().get("photoUrl").isNull()) {
                api.putFile("admin", "/api/catalog/products/" + id + "/photo", key + ".png", "image/png",
                        ProductPhotos.draw(key)).expect(200);
            }
        });
    }

    /** Each product shares its proceeds with households of its seller's town; the goose lot with 18 of 兴功村. */
    private void linkages() {
        Progress progress = new Progress("benefit linkages", catalogue.products.size());
        Random random = new Random(18);
        for (Product product : catalogue.products) {
            UUID productId = productIds.get(product.key());
            if (!api.get("official", "/api/households/products/" + productId + "/linkage/versions").items().isEmpty()) {
                progress.step(1);
                continue;
            }
            List<Map<String, Object>> shares = new ArrayList<>();
            if (product == catalogue.geese) {
                // 700 geese raised by 耿志杰 for 18 households: 38 or 39 geese each.
                for (int i = 0; i < 18; i++) {
                    shares.add(Map.of("householdId", householdIds.get(households.get(i).registrationNumber()), "shares", i < 16 ? 39 : 38));
                }
            } else {
                List<Household> candidates = households.stream()
                        .filter(h -> h.town().equals(product.seller().town())).toList();
                int count = Math.min(candidates.size(), 8 + random.nextInt(30));
                int offset = candidates.isEmpty() ? 0 : random.nextInt(candidates.size());
                for (int i = 0; i < count; i++) {
                    Household h = candidates.get((offset + i) % candidates.size());
                    shares.add(Map.of("householdId", householdIds.get(h.registrationNumber()), "shares", 1 + random.nextInt(5)));
                }
            }
            // No effectiveFrom: in force from the moment household-service records it (its own clock), so the
            // presale offers below never race a linkage that is declared but not yet in force.
            declareLinkage(productId, Map.of("sellerId", product.seller().id(),
                    "lotName", product == catalogue.geese ? "耿志杰代养大鹅 700 只" : product.name(), "shares", shares));
            progress.step(1);
        }
    }

    /**
     * household-service accepts a linkage only from the product's seller, which it learns from catalog-service's
     * events a moment after the listing: until then it answers 409 {@code product-not-known}. Wait for it (bounded).
     */
    private void declareLinkage(UUID productId, Map<String, Object> declaration) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Reply reply = api.post("official", "/api/households/products/" + productId + "/linkage/versions", declaration);
        while (reply.status() == 409 && reply.text().contains("product-not-known")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("household-service has not learned of product " + productId
                        + " from catalog-service's events after 60 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            reply = api.post("official", "/api/households/products/" + productId + "/linkage/versions", declaration);
        }
        reply.expect(200, 201);
    }

    /** 三订: five enterprises agree to buy households' output at a price and standard. */
    private void agreements() {
        Progress progress = new Progress("purchase agreements", 5);
        Seller[] buyers = catalogue.sellers.subList(0, 5).toArray(Seller[]::new);
        String[] produce = {"稻谷", "花生", "稻谷", "鲜玉米", "稻谷"};
        for (int i = 0; i < 5; i++) {
            Household household = households.get(100 + i * 37);
            UUID householdId = householdIds.get(household.registrationNumber());
            if (api.get("official", "/api/households/" + householdId + "/purchase-agreements").items().isEmpty()) {
                api.post("official", "/api/households/purchase-agreements", Map.of("householdId", householdId,
                        "enterpriseName", buyers[i].name(), "sellerId", buyers[i].id(), "produce", produce[i],
                        "qualityStandard", "国家二级以上", "unit", "kg", "unitPriceFen", 300 + 20 * i, "agreedQuantity", 1500,
                        "validFrom", LocalDate.now(SHANGHAI).withDayOfYear(1), "validUntil", LocalDate.now(SHANGHAI).withDayOfYear(1).plusYears(1).minusDays(1)))
                        .expect(200, 201);
            }
            progress.step(1);
        }
    }

    /** Households of 兴功村 offer their geese ahead of the harvest; none has a subscriber yet. */
    private void presaleOffers() {
        Progress progress = new Progress("presale offers", 18);
        if (!api.get("official", "/api/households/presale/offers").items().isEmpty()) {
            progress.step(18);
            return;
        }
        UUID geese = productIds.get(catalogue.geese.key());
        awaitLinkageInForce(geese);
        for (int i = 0; i < 18; i++) {
            api.post("official", "/api/households/presale/offers", Map.of("householdId",
                    householdIds.get(households.get(i).registrationNumber()), "productId", geese,
                    "description", "秋季出栏大鹅", "deliveryDate", LocalDate.now(SHANGHAI).plusDays(60))).expect(200, 201);
            progress.step(1);
        }
    }

    /**
     * Offers need the product's linkage in force. One declared by an earlier, interrupted load may start a little
     * later: wait for it (bounded), rather than guess a delay.
     */
    private void awaitLinkageInForce(UUID productId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api.get("official", "/api/households/products/" + productId + "/linkage").status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("product " + productId + " has no benefit linkage in force after 60 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    UUID districtId() {
        return placeIds.get("DISTRICT:" + district.name());
    }

    UUID productId(String key) {
        return productIds.get(key);
    }

    Catalogue catalogue() {
        return catalogue;
    }
}
