package io.fupin.catalog.product;

import static io.fupin.catalog.CatalogApi.ADMIN;
import static io.fupin.catalog.CatalogApi.OFFICIAL;
import static io.fupin.catalog.CatalogApi.productBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.CatalogApi;
import io.fupin.catalog.CatalogApi.Reply;
import io.fupin.catalog.IntegrationTest;
import io.fupin.support.identity.Caller;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

@IntegrationTest
class ProductCatalogIntegrationTests {

    @Autowired
    CatalogApi api;
    UUID seller;
    Caller sellerUser;

    @BeforeEach
    void setUp() {
        seller = api.registerSeller();
        sellerUser = Caller.of("seller", seller, "SELLER");
    }

    @Test
    void aSellerListsADraftWithTheSellersNameTownAndVillage() {
        Reply listed = api.call(sellerUser, HttpMethod.POST, "/api/catalog/products", productBody(Map.of(
                "presale", Map.of("deliveryDate", LocalDate.now().plusMonths(3).toString(), "capacity", 500))));

        assertThat(listed.status()).isEqualTo(201);
        assertThat(listed.body()).containsEntry("sellerId", seller.toString()).containsEntry("status", "DRAFT")
                .containsEntry("sellerName", "岗子峪米业有限公司").containsEntry("town", "双城镇")
                .containsEntry("village", "兴功村").containsEntry("priceVersion", 1).containsEntry("brand", "永发鳅田");
        assertThat(listed.body().get("presale").toString()).contains("capacity=500");
        Reply read = api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products/" + listed.body().get("id"), null);
        assertThat(read.body()).containsEntry("status", "DRAFT").containsEntry("stock", 100);
    }

    @Test
    void aSellerCannotListForAnotherSellerNorForAnUnregisteredOne() {
        Reply other = api.call(sellerUser, HttpMethod.POST, "/api/catalog/products",
                productBody(Map.of("sellerId", UUID.randomUUID())));
        assertThat(other.status()).isEqualTo(403);
        assertThat(api.call(Caller.of("c", null, "CONSUMER"), HttpMethod.POST, "/api/catalog/products", productBody(Map.of()))
                .status()).isEqualTo(403);

        Reply unregistered = api.call(Caller.of("s2", UUID.randomUUID(), "SELLER"), HttpMethod.POST,
                "/api/catalog/products", productBody(Map.of()));
        assertThat(unregistered.status()).isEqualTo(400);
        assertThat(unregistered.body().get("errors").toString()).contains("sellerId");
        Reply byAdmin = api.call(ADMIN, HttpMethod.POST, "/api/catalog/products",
                productBody(Map.of("sellerId", UUID.randomUUID())));
        assertThat(byAdmin.status()).isEqualTo(400);
        assertThat(byAdmin.body().get("errors").toString()).contains("sellerId");
    }

    @Test
    void aSellerManagesOnlyItsOwnProducts() {
        UUID product = api.draft(seller, Map.of());
        Caller otherSeller = Caller.of("other", api.registerSeller("龙江福米业", "农丰镇"), "SELLER");

        assertThat(api.call(otherSeller, HttpMethod.PUT, "/api/catalog/products/" + product + "/price",
                Map.of("priceFen", 100, "costFen", 0)).status()).isEqualTo(403);
        assertThat(api.requestCertification(otherSeller, product).status()).isEqualTo(403);
        assertThat(api.call(otherSeller, HttpMethod.POST, "/api/catalog/products/" + product + "/delist", null).status())
                .isEqualTo(403);
        assertThat(api.call(sellerUser, HttpMethod.POST, "/api/catalog/products/" + product + "/certification/approve", null)
                .status()).as("a seller cannot certify its own product").isEqualTo(403);
        assertThat(api.call(otherSeller, HttpMethod.PUT, "/api/catalog/products/" + UUID.randomUUID() + "/price",
                Map.of("priceFen", 100, "costFen", 0)).status()).isEqualTo(404);
        assertThat(api.requestCertification(sellerUser, product).status()).isEqualTo(200);
    }

    @Test
    void namesEachInvalidField() {
        assertInvalid(productBody(Map.of("priceFen", 0)), "priceFen");
        assertInvalid(productBody(Map.of("priceFen", -5)), "priceFen");
        assertInvalid(productBody(Map.of("costFen", 5000)), "costFen");
        assertInvalid(productBody(Map.of("costReason", "")), "costReason");
        assertInvalid(productBody(Map.of("name", "")), "name");
        assertInvalid(productBody(Map.of("name", "米".repeat(201))), "name");
        assertInvalid(productBody(Map.of("description", "x".repeat(10 * 1024 * 1024))), "description");
        assertInvalid(productBody(Map.of("stock", -1)), "stock");
        assertInvalid(productBody(Map.of("presale", Map.of("deliveryDate", "2020-01-01", "capacity", 0))), "presale.deliveryDate");
        Reply unknownCategory = api.call(sellerUser, HttpMethod.POST, "/api/catalog/products", productBody(Map.of("category", "GOLD")));
        assertThat(unknownCategory.status()).isEqualTo(400);
        Reply hugePage = api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products?size=1000000", null);
        assertThat(hugePage.status()).isEqualTo(400);
        assertThat(hugePage.body().get("errors").toString()).contains("size");

        UUID product = api.draft(seller, Map.of());
        Reply costAbove = api.call(sellerUser, HttpMethod.PUT, "/api/catalog/products/" + product + "/price",
                Map.of("priceFen", 1000, "costFen", 1001, "costReason", "freight"));
        assertThat(costAbove.status()).isEqualTo(400);
        assertThat(costAbove.body().get("errors").toString()).contains("costFen");
        Reply backwards = api.call(sellerUser, HttpMethod.POST, "/api/catalog/products/" + product + "/certification-request",
                Map.of("certificateNumber", "FP-1", "issuingBody", "扶贫办", "validFrom", "2026-06-01", "validUntil", "2026-01-01"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().get("errors").toString()).contains("validUntil");
        Reply noReason = api.call(OFFICIAL, HttpMethod.POST, "/api/catalog/products/" + product + "/suspend", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").toString()).contains("reason");
    }

    @Test
    void pricesAreVersionedAndTheHistoryKept() {
        UUID product = api.draft(seller, Map.of());
        Reply repriced = api.call(sellerUser, HttpMethod.PUT, "/api/catalog/products/" + product + "/price",
                Map.of("priceFen", 5290, "costFen", 700, "costReason", "freight went up"));
        assertThat(repriced.status()).isEqualTo(200);
        assertThat(repriced.body()).containsEntry("priceFen", 5290).containsEntry("priceVersion", 2);

        Reply history = api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products/" + product + "/prices", null);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get("versions").toString())
                .matches(".*priceVersion=1, priceFen=4990, costFen=600.*priceVersion=2, priceFen=5290, costFen=700.*");
    }

    @Test
    void aSellerRestocksAndCannotWriteOffMoreThanItHas() {
        UUID product = api.draft(seller, Map.of("stock", 10));
        Reply restocked = api.call(sellerUser, HttpMethod.POST, "/api/catalog/products/" + product + "/stock", Map.of("delta", 5));
        assertThat(restocked.body()).containsEntry("stock", 15);
        Reply tooMuch = api.call(sellerUser, HttpMethod.POST, "/api/catalog/products/" + product + "/stock", Map.of("delta", -16));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products/" + product, null).body())
                .containsEntry("stock", 15);
    }

    @Test
    void unknownProductsAreNotFound() {
        Reply reply = api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products/" + UUID.randomUUID(), null);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).containsEntry("type", "https://fupin.market/problems/not-found");
    }

    @Test
    void refusesCallsThatDidNotComeThroughTheGateway() {
        assertThat(api.unsigned(HttpMethod.GET, "/api/catalog/products").status()).isEqualTo(401);
    }

    @Test
    void isReadyOnlyWithItsDatabaseKafkaAndElasticsearch() {
        Reply readiness = api.unsigned(HttpMethod.GET, "/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        Map<String, Object> health = readiness.body();
        assertThat(health).containsEntry("status", "UP");
        assertThat(health.get("components").toString()).contains("db", "kafka", "elasticsearch");
    }

    private void assertInvalid(Map<String, Object> body, String field) {
        Reply reply = api.call(sellerUser, HttpMethod.POST, "/api/catalog/products", body);
        assertThat(reply.status()).as(field).isEqualTo(400);
        assertThat(reply.body().get("errors").toString()).as(field).contains(field);
    }
}
