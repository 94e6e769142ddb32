package io.fupin.catalog.product;

import static io.fupin.catalog.CatalogApi.ADMIN;
import static io.fupin.catalog.CatalogApi.OFFICIAL;
import static io.fupin.catalog.ProductEventsProbe.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.CatalogApi;
import io.fupin.catalog.CatalogApi.Reply;
import io.fupin.catalog.IntegrationTest;
import io.fupin.catalog.ProductEventsProbe;
import io.fupin.support.identity.Caller;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class CertificationIntegrationTests {

    static final Caller ORDER_SERVICE = Caller.of("service:order-service", null, "SERVICE");

    @Autowired
    CatalogApi api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProductJobs jobs;
    @Autowired
    JsonMapper json;
    /** This context's own broker: the brokers system property names the last one started in this JVM. */
    @Autowired
    EmbeddedKafkaBroker broker;

    ProductEventsProbe events;
    UUID seller;
    Caller sellerUser;

    @BeforeEach
    void setUp() {
        events = new ProductEventsProbe(broker.getBrokersAsString(), json);
        seller = api.registerSeller();
        sellerUser = Caller.of("seller", seller, "SELLER");
    }

    @Test
    void aDraftIsCertifiedSuspendedReinstatedAndRevokedWithAnEventForEachStep() {
        UUID product = api.draft(seller, Map.of());

        Reply requested = api.requestCertification(sellerUser, product);
        assertThat(requested.body()).containsEntry("status", "CERTIFICATION_REQUESTED");
        assertThat(requested.body().get("certificate").toString()).contains("哈尔滨市扶贫办");
        assertThat(step(OFFICIAL, product, "certification/approve", null)).containsEntry("status", "ON_SALE");
        assertThat(step(OFFICIAL, product, "suspend", Map.of("reason", "抽检不合格")))
                .containsEntry("status", "SUSPENDED").containsEntry("statusReason", "抽检不合格");
        assertThat(step(OFFICIAL, product, "reinstate", null)).containsEntry("status", "ON_SALE");
        assertThat(step(ADMIN, product, "revoke", Map.of("reason", "证书被撤销"))).containsEntry("status", "REVOKED");

        Reply again = api.call(OFFICIAL, HttpMethod.POST, "/api/catalog/products/" + product + "/certification/approve", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).containsEntry("type", "https://fupin.market/problems/illegal-transition");

        // Spring Modulith hands each committed event to Kafka on an async listener, so two events of one product
        // may reach the topic in either order; the payload's revision restores the order of the changes.
        List<JsonNode> published = events.of(product, found -> found.size() >= 6).stream()
                .sorted(java.util.Comparator.comparingLong(e -> e.get("payload").get("revision").asLong())).toList();
        assertThat(types(published)).containsExactly("ProductListed", "ProductUpdated", "ProductCertified",
                "ProductSuspended", "ProductUpdated", "ProductCertificationRevoked");
        assertThat(published.stream().map(e -> e.get("payload").get("revision").asLong()).distinct()).hasSize(6);
        JsonNode certified = published.get(2);
        assertThat(certified.get("aggregateId").asString()).isEqualTo(product.toString());
        JsonNode payload = certified.get("payload");
        assertThat(payload.get("status").asString()).isEqualTo("ON_SALE");
        assertThat(payload.get("sellerName").asString()).isEqualTo("岗子峪米业有限公司");
        assertThat(payload.get("certificate").get("issuer").asString()).isEqualTo("哈尔滨市扶贫办");
        assertThat(payload.get("priceFen").asLong()).isEqualTo(4990);
        assertThat(payload.get("stock").asInt()).isEqualTo(100);
        assertThat(payload.has("presale")).isTrue();
    }

    @Test
    void officialsFindTheRequestsWaitingForThemAndSellersOnlyTheirOwnProducts() {
        UUID product = api.draft(seller, Map.of());
        api.requestCertification(sellerUser, product);

        Reply waiting = api.call(OFFICIAL, HttpMethod.GET, "/api/catalog/products/worklist?status=CERTIFICATION_REQUESTED&size=200", null);
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.body().get("items").toString()).contains(product.toString());
        assertThat(waiting.body()).containsKeys("page", "size", "totalItems", "totalPages", "links");
        assertThat(waiting.body().get("links").toString())
                .contains("self=/api/catalog/products/worklist?status=CERTIFICATION_REQUESTED&page=0&size=200");
        Reply own = api.call(sellerUser, HttpMethod.GET, "/api/catalog/products/worklist", null);
        assertThat(own.body().get("items").toString()).contains(product.toString());
        Caller otherSeller = Caller.of("other", api.registerSeller("对鹿饮品", "五家镇"), "SELLER");
        Reply others = api.call(otherSeller, HttpMethod.GET, "/api/catalog/products/worklist?sellerId=" + seller, null);
        assertThat(others.body().get("items").toString()).doesNotContain(product.toString());
        assertThat(api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products/worklist", null).status()).isEqualTo(401);
    }

    @Test
    void aRejectedRequestCanBeMadeAgain() {
        UUID product = api.draft(seller, Map.of());
        api.requestCertification(sellerUser, product);

        assertThat(step(OFFICIAL, product, "certification/reject", Map.of("reason", "证书编号不符")))
                .containsEntry("status", "CERTIFICATION_REJECTED").containsEntry("statusReason", "证书编号不符");
        assertThat(api.requestCertification(sellerUser, product).body()).containsEntry("status", "CERTIFICATION_REQUESTED");
        assertThat(api.call(Caller.of("c", null, "CONSUMER"), HttpMethod.POST,
                "/api/catalog/products/" + product + "/certification/reject", Map.of("reason", "x")).status()).isEqualTo(403);
    }

    @Test
    void aCertificatePastItsExpiryDateTakesTheProductOffSale() {
        UUID product = api.certified(seller, Map.of());
        UUID stillValid = api.certified(seller, Map.of());
        jdbc.sql("UPDATE product SET certificate_valid_until = ? WHERE id = ?")
                .params(LocalDate.now().minusDays(2), product.toString()).update();

        jobs.expireCertificates();

        assertThat(api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products/" + product, null).body())
                .containsEntry("status", "CERTIFICATION_EXPIRED");
        assertThat(api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products/" + stillValid, null).body())
                .containsEntry("status", "ON_SALE");
        assertThat(jobs.expireCertificates()).as("nothing left to expire").isZero();
        assertThat(types(events.of(product, found -> types(found).contains("ProductCertificationExpired"))))
                .containsOnlyOnce("ProductCertificationExpired");
        assertThat(api.requestCertification(sellerUser, product).body())
                .as("a renewed certificate can be requested").containsEntry("status", "CERTIFICATION_REQUESTED");
    }

    @Test
    void stockMovementsAreAnnouncedCoalescedNotOnePerSale() {
        UUID product = api.certified(seller, Map.of("stock", 20));
        for (int i = 0; i < 3; i++) {
            Reply reserved = api.call(ORDER_SERVICE, HttpMethod.POST, "/internal/reservations", Map.of(
                    "orderId", UUID.randomUUID(), "lines", List.of(Map.of("productId", product, "quantity", 2))));
            assertThat(reserved.status()).isEqualTo(200);
        }

        jobs.publishStockChanges();
        jobs.publishStockChanges();

        List<JsonNode> published = events.of(product, found -> types(found).contains("StockChanged"));
        assertThat(types(published)).containsOnlyOnce("StockChanged");
        JsonNode stockChanged = published.stream().filter(e -> "StockChanged".equals(e.get("eventType").asString()))
                .findFirst().orElseThrow();
        assertThat(stockChanged.get("payload").get("stock").asInt()).isEqualTo(14);
    }

    private Map<String, Object> step(Caller caller, UUID product, String path, Object body) {
        Reply reply = api.call(caller, HttpMethod.POST, "/api/catalog/products/" + product + "/" + path, body);
        assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(200);
        return reply.body();
    }
}
