package io.fupin.catalog.web;

import static io.fupin.support.testing.AccessMatrix.ANYONE;
import static io.fupin.support.testing.AccessMatrix.delete;
import static io.fupin.support.testing.AccessMatrix.get;
import static io.fupin.support.testing.AccessMatrix.only;
import static io.fupin.support.testing.AccessMatrix.post;
import static io.fupin.support.testing.AccessMatrix.put;

import io.fupin.catalog.CatalogApi;
import io.fupin.catalog.IntegrationTest;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.AccessMatrix;
import io.fupin.support.testing.AccessMatrix.Endpoint;
import io.fupin.support.testing.AccessMatrix.Who;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what in the catalog: browsing is public, officials certify, a seller changes only its own
 * products (SELLER_OWNER owns the product in the paths, SELLER_OTHER is another registered seller), and
 * only order-service (SERVICE) reserves stock.
 */
@IntegrationTest
class AccessMatrixIntegrationTests {

    static final Set<Who> OWNER = only(Who.SELLER_OWNER, Who.ADMIN);
    static final Set<Who> OFFICIALS = only(Who.OFFICIAL, Who.ADMIN);
    static final Set<Who> SELLERS = only(Who.SELLER_OWNER, Who.SELLER_OTHER, Who.ADMIN);
    static final Supplier<String> REASON = () -> "{\"reason\":\"核查\"}";

    static final AccessMatrix MATRIX = new AccessMatrix(List.of(
            get("/api/catalog/products", ANYONE),
            get("/api/catalog/dead-letters", only(Who.ADMIN)),
            post("/api/catalog/dead-letters/replay", () -> null, only(Who.ADMIN)),
            get("/api/catalog/products/{productId}", ANYONE),
            get("/api/catalog/products/{productId}/prices", ANYONE),
            get("/api/catalog/products/worklist", only(Who.SELLER_OWNER, Who.SELLER_OTHER, Who.OFFICIAL, Who.ADMIN)),
            post("/api/catalog/products", () -> "{\"name\":\"稻花香大米\",\"category\":\"RICE\",\"unit\":\"5 kg bag\","
                    + "\"priceFen\":4990,\"costFen\":600,\"stock\":10}", SELLERS),
            put("/api/catalog/products/{productId}", () -> "{\"name\":\"稻花香大米\",\"category\":\"RICE\",\"unit\":\"5 kg bag\"}",
                    OWNER),
            put("/api/catalog/products/{productId}/price", () -> "{\"priceFen\":4990,\"costFen\":600}", OWNER),
            post("/api/catalog/products/{productId}/stock", () -> "{\"delta\":1}", OWNER),
            // a text file posing as a photo: the owner passes the rule and is told 415, the others 403
            new Endpoint(RequestMethod.PUT, "/api/catalog/products/{productId}/photo", () -> "--b\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
                    + "not a picture\r\n--b--\r\n", OWNER, "multipart/form-data; boundary=b"),
            get("/api/catalog/products/{productId}/photo", ANYONE),
            delete("/api/catalog/products/{productId}/photo", OWNER),
            get("/api/catalog/products/{productId}/cost-changes", only(Who.SELLER_OWNER, Who.OFFICIAL, Who.ADMIN)),
            get("/api/catalog/cost-changes", OFFICIALS),
            post("/api/catalog/cost-changes/{changeId}/approve", () -> null, OFFICIALS),
            post("/api/catalog/cost-changes/{changeId}/reject", REASON, OFFICIALS),
            post("/api/catalog/products/{productId}/certification-request", () -> "{\"certificateNumber\":\"FP-1\","
                    + "\"issuingBody\":\"哈尔滨市扶贫办\",\"validFrom\":\"" + LocalDate.now().minusDays(1)
                    + "\",\"validUntil\":\"" + LocalDate.now().plusYears(1) + "\"}", OWNER),
            post("/api/catalog/products/{productId}/certification/approve", () -> null, OFFICIALS),
            post("/api/catalog/products/{productId}/certification/reject", REASON, OFFICIALS),
            post("/api/catalog/products/{productId}/suspend", REASON, OFFICIALS),
            post("/api/catalog/products/{productId}/reinstate", () -> null, OFFICIALS),
            post("/api/catalog/products/{productId}/revoke", REASON, OFFICIALS),
            post("/api/catalog/products/{productId}/delist", () -> null, OWNER),
            post("/api/catalog/search/reindex", () -> null, only(Who.ADMIN)),
            get("/api/catalog/sellers", ANYONE),
            get("/api/catalog/sellers/{sellerId}", ANYONE),
            post("/api/catalog/sellers", () -> "{\"name\":\"对鹿饮品\",\"kind\":\"COOPERATIVE\",\"creditCode\":\""
                    + CatalogApi.newCreditCode() + "\",\"contact\":{\"name\":\"李建国\",\"phone\":\"13900139000\"},"
                    + "\"town\":\"五家镇\",\"village\":\"兴功村\"}", OFFICIALS),
            post("/api/catalog/seller-applications", () -> "{\"name\":\"兴功村鹅业合作社\",\"kind\":\"COOPERATIVE\","
                    + "\"creditCode\":\"" + CatalogApi.newCreditCode() + "\",\"contact\":{\"name\":\"李建国\","
                    + "\"phone\":\"13900139000\"},\"town\":\"新兴镇\",\"village\":\"兴功村\","
                    + "\"documents\":[\"营业执照 档案 2026-118\"]}", only(Who.CONSUMER, Who.CONSUMER_OTHER)),
            get("/api/catalog/seller-applications/mine", only(Who.CONSUMER, Who.CONSUMER_OTHER)),
            get("/api/catalog/seller-applications", OFFICIALS),
            post("/api/catalog/seller-applications/{applicationId}/approve", () -> null, OFFICIALS),
            post("/api/catalog/seller-applications/{applicationId}/reject", REASON, OFFICIALS),
            post("/internal/reservations", () -> "{\"orderId\":\"" + UUID.randomUUID() + "\",\"lines\":[{\"productId\":\""
                    + UUID.randomUUID() + "\",\"quantity\":1}]}", only(Who.SERVICE)),
            post("/internal/reservations/{orderId}/confirm", () -> null, only(Who.SERVICE)),
            post("/internal/reservations/{orderId}/release", () -> null, only(Who.SERVICE)),
            get("/internal/seller-grants/{userId}", only(Who.SERVICE))));

    @Autowired
    CatalogApi api;
    @Autowired
    IdentitySignature signature;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @LocalServerPort
    int port;

    @Test
    void listsEveryEndpoint() {
        MATRIX.coversEveryEndpointOf(mapping);
    }

    @Test
    void exposesOnlyHealthAndPrometheusOfTheActuator() {
        AccessMatrix.assertOnlyHealthAndPrometheusAreExposed("http://127.0.0.1:" + port);
    }

    @Test
    void answersEachCallerAsTheMatrixSays() {
        UUID owner = api.registerSeller("岗子峪米业有限公司", "双城镇");
        UUID other = api.registerSeller("翠翠食品有限公司", "五家镇");
        UUID product = api.draft(owner, Map.of());
        MATRIX.check("http://127.0.0.1:" + port, signature, Map.of(
                Who.CONSUMER, Caller.of("consumer", null, Role.CONSUMER),
                Who.SELLER_OWNER, Caller.of("seller", owner, Role.SELLER),
                Who.SELLER_OTHER, Caller.of("seller-cuicui", other, Role.SELLER),
                Who.CLERK, Caller.of("clerk", null, Role.CLERK),
                Who.OFFICIAL, Caller.of("official", null, Role.OFFICIAL),
                Who.ADMIN, Caller.of("admin", null, Role.ADMIN),
                Who.SERVICE, Caller.of("service:order-service", null, Role.SERVICE)),
                Map.of("productId", product.toString(), "sellerId", owner.toString(),
                        "orderId", UUID.randomUUID().toString(), "changeId", UUID.randomUUID().toString(),
                        "applicationId", UUID.randomUUID().toString(), "userId", "consumer"));
    }
}
