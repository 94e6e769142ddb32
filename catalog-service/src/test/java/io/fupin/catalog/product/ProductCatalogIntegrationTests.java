package io.fupin.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.CatalogApi;
import io.fupin.catalog.CatalogApi.Reply;
import io.fupin.catalog.IntegrationTest;
import io.fupin.catalog.TestSupport.SignedIdentity;
import io.fupin.support.identity.Caller;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

@IntegrationTest
class ProductCatalogIntegrationTests {

    static final UUID SELLER = UUID.randomUUID();
    static final Caller SELLER_USER = Caller.of("seller", SELLER, "SELLER");

    @Autowired
    SignedIdentity identity;
    @LocalServerPort
    int port;

    CatalogApi api;

    @BeforeEach
    void setUp() {
        api = new CatalogApi(port, identity);
    }

    @Test
    void aSellerListsAProductThatAnyoneCanBrowse() {
        Reply listed = api.call(SELLER_USER, HttpMethod.POST, "/api/catalog/products", product(Map.of()));
        assertThat(listed.status()).isEqualTo(201);
        assertThat(listed.body()).containsEntry("sellerId", SELLER.toString()).containsEntry("status", "ON_SALE");

        Reply page = api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products?size=100", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("items").toString()).contains(listed.body().get("id").toString());
        assertThat(((Number) page.body().get("total")).longValue()).isPositive();
    }

    @Test
    void aSellerCannotListForAnotherSeller() {
        Reply reply = api.call(SELLER_USER, HttpMethod.POST, "/api/catalog/products",
                product(Map.of("sellerId", UUID.randomUUID())));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(api.call(Caller.of("c", null, "CONSUMER"), HttpMethod.POST, "/api/catalog/products", product(Map.of()))
                .status()).isEqualTo(403);
    }

    @Test
    void namesEachInvalidField() {
        assertInvalid(product(Map.of("priceFen", 0)), "priceFen");
        assertInvalid(product(Map.of("priceFen", -5)), "priceFen");
        assertInvalid(product(Map.of("costFen", 5000)), "costFen");
        assertInvalid(product(Map.of("name", "")), "name");
        assertInvalid(product(Map.of("name", "米".repeat(201))), "name");
        Reply unknownCategory = api.call(SELLER_USER, HttpMethod.POST, "/api/catalog/products", product(Map.of("category", "GOLD")));
        assertThat(unknownCategory.status()).isEqualTo(400);
        Reply hugePage = api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products?size=1000000", null);
        assertThat(hugePage.status()).isEqualTo(400);
        assertThat(hugePage.body().get("errors").toString()).contains("size");
    }

    @Test
    void unknownProductsAreNotFound() {
        Reply reply = api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products/" + UUID.randomUUID(), null);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).containsEntry("type", "https://fupin.market/problems/not-found");
    }

    @Test
    void refusesCallsThatDidNotComeThroughTheGateway() {
        int status = RestClient.create("http://localhost:" + port).get().uri("/api/catalog/products")
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(status).isEqualTo(401);
    }

    @Test
    void isReadyOnlyWithItsDatabaseKafkaAndElasticsearch() {
        Map<String, Object> health = RestClient.create("http://localhost:" + port).get().uri("/actuator/health/readiness")
                .retrieve().body(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(health).containsEntry("status", "UP");
        assertThat(health.get("components").toString()).contains("db", "kafka", "elasticsearch");
    }

    private void assertInvalid(Map<String, Object> body, String field) {
        Reply reply = api.call(SELLER_USER, HttpMethod.POST, "/api/catalog/products", body);
        assertThat(reply.status()).as(field).isEqualTo(400);
        assertThat(reply.body().get("errors").toString()).as(field).contains(field);
    }

    private static Map<String, Object> product(Map<String, Object> overrides) {
        Map<String, Object> product = new HashMap<>(Map.of("name", "稻花香大米", "category", "RICE", "unit", "5 kg bag",
                "priceFen", 4990, "costFen", 600, "stock", 100));
        product.putAll(overrides);
        return product;
    }
}
