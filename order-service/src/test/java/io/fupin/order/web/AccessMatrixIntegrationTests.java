package io.fupin.order.web;

import static io.fupin.support.testing.AccessMatrix.ANYONE;
import static io.fupin.support.testing.AccessMatrix.get;
import static io.fupin.support.testing.AccessMatrix.only;
import static io.fupin.support.testing.AccessMatrix.post;
import static io.fupin.support.testing.AccessMatrix.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.order.IntegrationTest;
import io.fupin.order.Shop;
import io.fupin.order.payment.SandboxCallbacks;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.AccessMatrix;
import io.fupin.support.testing.AccessMatrix.Who;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what in order-service: a consumer places orders and acts on its own (CONSUMER placed the order
 * and started the payment in the paths, CONSUMER_OTHER is another consumer), a seller acts on the orders that
 * hold its products (SELLER_OWNER sells the order's product, SELLER_OTHER does not), clerks watch the money,
 * ADMIN runs the livestream, only settlement-service (SERVICE) reads the day totals; the provider's callback is
 * open to anyone and proves itself by its signature.
 */
@IntegrationTest
class AccessMatrixIntegrationTests {

    static final Set<Who> CONSUMERS = only(Who.CONSUMER, Who.CONSUMER_OTHER);
    static final Set<Who> BUYER = only(Who.CONSUMER);
    static final Set<Who> BUYER_OR_ADMIN = only(Who.CONSUMER, Who.ADMIN);
    static final Set<Who> SELLER_OF_ORDER = only(Who.SELLER_OWNER);
    static final Set<Who> SELLERS = only(Who.SELLER_OWNER, Who.SELLER_OTHER);
    static final Set<Who> MONEY_REVIEWERS = only(Who.CLERK, Who.ADMIN);

    @Autowired
    Shop shop;
    @Autowired
    IdentitySignature signature;
    @Autowired
    JsonMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Value("${fupin.payments.sandbox.secret}")
    String sandboxSecret;
    @LocalServerPort
    int port;

    AccessMatrix matrix(UUID product, UUID order) {
        return new AccessMatrix(List.of(
                post("/api/orders", () -> json.writeValueAsString(Shop.order("ONLINE", Map.of(product, 1))), CONSUMERS),
                get("/api/orders?view=buyer", CONSUMERS),
                get("/api/orders?view=seller", SELLERS),
                get("/api/orders/{orderId}", only(Who.CONSUMER, Who.SELLER_OWNER, Who.ADMIN)),
                post("/api/orders/{orderId}/shipments", () -> "{\"trackingNumber\":\"SF1234567890\"}", SELLER_OF_ORDER),
                post("/api/orders/{orderId}/delivery", () -> null, BUYER),
                post("/api/orders/{orderId}/refunds", () -> "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":1}]}",
                        BUYER),
                post("/api/orders/{orderId}/refunds/{refundId}/acceptance", () -> null, SELLER_OF_ORDER),
                post("/api/orders/{orderId}/refunds/{refundId}/rejection", () -> "{\"reason\":\"已拆封\"}", SELLER_OF_ORDER),
                post("/api/orders/presales/{productId}/shortfall", () -> "{\"deliverableQuantity\":0}", SELLERS),
                get("/api/orders/livestream-limits/{productId}", ANYONE),
                put("/api/orders/livestream-limits/{productId}", () -> "{\"maxUnitsPerBuyer\":5}", only(Who.ADMIN)),
                post("/api/orders/livestream-shows", () -> "{\"title\":\"秋收直播\",\"productIds\":[\"" + product
                        + "\"],\"startsAt\":\"" + Instant.now().plusSeconds(86_400) + "\",\"endsAt\":\""
                        + Instant.now().plusSeconds(90_000) + "\"}", only(Who.ADMIN)),
                post("/api/payments", () -> "{\"orderId\":\"" + order + "\",\"amountFen\":1000}", BUYER),
                get("/api/payments/{paymentId}", BUYER_OR_ADMIN),
                post("/api/payments/callback", () -> json.writeValueAsString(Map.of("notifyId", "matrix-" + UUID.randomUUID(),
                        "paymentId", UUID.randomUUID().toString(), "tradeNo", "SBX-MATRIX", "status", "SUCCESS",
                        "amountFen", 1000, "paidAt", Instant.now().toString())),
                        body -> SandboxCallbacks.signatureHeaders(sandboxSecret, body), ANYONE),
                post("/api/payments/{paymentId}/sandbox/pay", () -> null, BUYER_OR_ADMIN),
                get("/api/payments/flags", MONEY_REVIEWERS),
                get("/api/payments/refunds", MONEY_REVIEWERS),
                post("/api/payments/statements/{day}", () -> null, MONEY_REVIEWERS),
                get("/api/payments/statements/{day}", MONEY_REVIEWERS),
                get("/internal/order-totals/{day}", only(Who.SERVICE)),
                // Last, so that the steps above find the order as it was placed.
                post("/api/orders/{orderId}/cancellation", () -> null, BUYER_OR_ADMIN)));
    }

    @Test
    void listsEveryEndpoint() {
        matrix(UUID.randomUUID(), UUID.randomUUID()).coversEveryEndpointOf(mapping);
    }

    @Test
    void exposesOnlyHealthAndPrometheusOfTheActuator() {
        AccessMatrix.assertOnlyHealthAndPrometheusAreExposed("http://127.0.0.1:" + port);
    }

    @Test
    void answersEachCallerAsTheMatrixSays() {
        Shop.Seller owner = shop.newSeller();
        Shop.Seller other = shop.newSeller();
        Caller buyer = Caller.of("buyer-" + UUID.randomUUID(), null, Role.CONSUMER);
        UUID product = shop.listProduct(owner, 100, 1000, 0);
        UUID order = shop.placeOrder(buyer, product, 1);
        Shop.Reply payment = shop.startPayment(buyer, order, 1000);
        assertThat(payment.status()).as(payment.body()).isEqualTo(201);
        UUID paymentId = UUID.fromString(payment.text("id"));

        matrix(product, order).check("http://127.0.0.1:" + port, signature, Map.of(
                Who.CONSUMER, buyer,
                Who.CONSUMER_OTHER, Caller.of("consumer-" + UUID.randomUUID(), null, Role.CONSUMER),
                Who.SELLER_OWNER, owner.caller(),
                Who.SELLER_OTHER, other.caller(),
                Who.CLERK, Caller.of("clerk", null, Role.CLERK),
                Who.OFFICIAL, Caller.of("official", null, Role.OFFICIAL),
                Who.ADMIN, Caller.of("admin", null, Role.ADMIN),
                Who.SERVICE, Caller.of("service:settlement-service", null, Role.SERVICE)),
                Map.of("orderId", order.toString(), "productId", product.toString(), "paymentId", paymentId.toString(),
                        "refundId", UUID.randomUUID().toString(), "day", LocalDate.now().toString()));
    }
}
