package io.fupin.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.order.IntegrationTest;
import io.fupin.order.Shop;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ApiFuzzer;
import io.fupin.support.testing.OpenApiDocument;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile input on every operation of order-service's published document, as every role and none
 * ({@link ApiFuzzer}), against a real order with a started payment: no 5xx, every refusal problem+json,
 * no refused request changes the database, no accepted one takes a price, status, buyer or seller from the body.
 */
@IntegrationTest
class FuzzIntegrationTests {

    @Autowired
    Shop shop;
    @Autowired
    IdentitySignature signature;
    @Autowired
    DataSource database;
    @LocalServerPort
    int port;

    @Test
    void answersHostileInputWithoutA5xxAndRefusalsChangeNothing() throws Exception {
        Shop.Seller owner = shop.newSeller();
        Shop.Seller other = shop.newSeller();
        Caller buyer = Caller.of("buyer-" + UUID.randomUUID(), null, Role.CONSUMER);
        UUID product = shop.listProduct(owner, 10_000, 1000, 0);
        UUID order = shop.placeOrder(buyer, product, 1);
        Shop.Reply payment = shop.startPayment(buyer, order, 1000);
        assertThat(payment.status()).as(payment.body()).isEqualTo(201);
        ApiFuzzer.Target target = new ApiFuzzer.Target("order-service", "http://127.0.0.1:" + port, signature,
                List.of(buyer, Caller.of("consumer-" + UUID.randomUUID(), null, Role.CONSUMER), owner.caller(),
                        other.caller(), Caller.of("clerk", null, Role.CLERK), Caller.of("official", null, Role.OFFICIAL),
                        Caller.of("admin", null, Role.ADMIN), Caller.of("service:settlement-service", null, Role.SERVICE)),
                Map.of("orderId", order.toString(), "productId", product.toString(), "paymentId", payment.text("id"),
                        "refundId", UUID.randomUUID().toString(), "day", LocalDate.now().toString()),
                // refund: the refund sender retries owed refunds on its own schedule, whoever calls meanwhile;
                // stock_release: likewise the sweep releasing the stock of cancelled orders
                database, Set.of("EVENT_PUBLICATION", "processed_event", "refund", "stock_release"));

        ApiFuzzer.Report report = ApiFuzzer.of(target, OpenApiDocument.of("order-service", port)).run();

        assertThat(report.requests()).isEqualTo(report.operations() * ApiFuzzer.cases());
        assertThat(report.findings()).as("findings of %s requests", report.requests()).isEmpty();
    }
}
