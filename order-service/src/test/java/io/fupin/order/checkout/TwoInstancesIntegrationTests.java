package io.fupin.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.order.EventLog;
import io.fupin.order.IntegrationTest;
import io.fupin.order.OrderApplication;
import io.fupin.order.RunningCatalog;
import io.fupin.order.Shop;
import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of order-service on one database, as in production behind the gateway: one order's steps
 * taken on either reach Kafka numbered 1, 2, 3 ... in the order they committed, whichever instance published
 * them. The two instances' outboxes publish independently, so the records may reach the topic in another order
 * than their numbers; consumers order them by sequence (settlement's ArrivalOrderIntegrationTests deliver such
 * events in every order).
 */
@IntegrationTest
class TwoInstancesIntegrationTests {

    @Autowired
    Shop shop;
    @Autowired
    SignedIdentity identity;
    @Autowired
    JsonMapper json;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Value("${spring.datasource.url}")
    String database;
    @LocalServerPort
    int port;

    @Test
    void oneOrderDrivenThroughBothInstancesReachesKafkaWithConsecutiveSequences() {
        try (ConfigurableApplicationContext other = secondInstance();
                EventLog log = new EventLog(brokers, json)) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
            assertThat(otherPort).isNotEqualTo(port);
            Shop second = new Shop(otherPort, identity, json);
            Caller buyer = Caller.of("two-instances-" + UUID.randomUUID(), null, "CONSUMER");
            Shop.Seller seller = shop.newSeller();
            UUID product = shop.listProduct(seller, 10, 1990, 300);

            UUID order = shop.placeOrder(buyer, product, 3);
            second.payInSandbox(buyer, order);
            await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(shop.status(buyer, order)));
            assertThat(second.post(seller.caller(), "/api/orders/" + order + "/shipments",
                    Map.of("trackingNumber", "SF-TWO-1")).status()).isEqualTo(200);
            assertThat(shop.post(buyer, "/api/orders/" + order + "/delivery", null).status()).isEqualTo(200);
            Shop.Reply asked = second.post(buyer, "/api/orders/" + order + "/refunds",
                    Map.of("lines", List.of(Map.of("productId", product, "quantity", 1)), "note", "one bag split"));
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
            String refundId = asked.json().get("refunds").get(0).get("refundId").asString();
            assertThat(shop.post(seller.caller(), "/api/orders/" + order + "/refunds/" + refundId + "/acceptance", null)
                    .status()).isEqualTo(200);

            // Shipped on the second instance, delivered on the first: each instance's outbox publishes on its own,
            // so under load the delivery may reach the topic before the shipment. The sequence orders them.
            List<JsonNode> events = log.awaitInSequence(order, "OrderPlaced", "OrderPaid", "OrderShipped",
                    "OrderDelivered", "OrderRefunded");
            Set<String> ids = new HashSet<>();
            events.forEach(e -> ids.add(e.get("eventId").asString()));
            assertThat(ids).hasSize(5);
            assertThat(log.payloadOf(order, "OrderRefunded").get("totalFen").asLong()).isEqualTo(1990);
        }
    }

    /**
     * The livestream rush split over both instances, each with its own sold-out marks: exactly the stock is sold,
     * every placed order is stored and readable on either instance, and the rest are refused as sold out.
     */
    @Test
    void aRushOverBothInstancesSellsExactlyTheStock() throws Exception {
        try (ConfigurableApplicationContext other = secondInstance()) {
            Shop second = new Shop(((WebServerApplicationContext) other).getWebServer().getPort(), identity, json);
            UUID product = shop.listProduct(shop.newSeller(), 10, 990, 0);
            List<Shop.Reply> replies = Collections.synchronizedList(new ArrayList<>());
            try (ExecutorService buyers = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < 40; i++) {
                    Shop instance = i % 2 == 0 ? shop : second;
                    buyers.submit(() -> replies.add(instance.place(Caller.of("rush-" + UUID.randomUUID(), null, "CONSUMER"),
                            Shop.order("LIVESTREAM", Map.of(product, 1)))));
                }
            }

            assertThat(replies).hasSize(40);
            assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(10);
            assertThat(replies.stream().filter(r -> r.status() == 409))
                    .hasSize(30).allSatisfy(r -> assertThat(r.text("type")).endsWith("/sold-out"));
            assertThat(shop.stockOf(product)).isZero();
            replies.stream().filter(r -> r.status() == 201).forEach(placed -> {
                assertThat(shop.get(Shop.ADMIN, "/api/orders/" + placed.text("id")).status()).isEqualTo(200);
                assertThat(second.get(Shop.ADMIN, "/api/orders/" + placed.text("id")).status()).isEqualTo(200);
            });
        }
    }

    /** The same application on the same database and broker, on a port of its own; it migrates nothing anew. */
    private ConfigurableApplicationContext secondInstance() {
        // As arguments: they must win over application.yml's defaults (a fixed port, catalog on 8081).
        return new SpringApplicationBuilder(OrderApplication.class).profiles("test")
                .run("--server.port=0", "--spring.embedded.kafka.brokers=" + brokers, "--spring.datasource.url=" + database,
                        "--fupin.catalog.url=" + RunningCatalog.get().url());
    }
}
