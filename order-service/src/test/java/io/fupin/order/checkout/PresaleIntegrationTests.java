package io.fupin.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.order.EventLog;
import io.fupin.order.IntegrationTest;
import io.fupin.order.Shop;
import io.fupin.order.Shop.Reply;
import io.fupin.order.Shop.Seller;
import io.fupin.support.identity.Caller;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class PresaleIntegrationTests {

    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    Shop shop;

    EventLog events;

    @BeforeEach
    void setUp() {
        events = new EventLog(brokers, json);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void aHarvestShortfallCutsEveryPresaleOrderProRataAndRefundsTheRest() {
        Seller seller = shop.newSeller();
        LocalDate harvest = LocalDate.now().plusDays(60);
        UUID geese = shop.listPresaleProduct(seller, 100, 16800, 1800, harvest);
        List<Caller> buyers = new ArrayList<>();
        List<UUID> orders = new ArrayList<>();
        for (int units : new int[] {5, 3, 2}) {
            Caller buyer = Caller.of("subscriber-" + UUID.randomUUID(), null, "CONSUMER");
            UUID order = shop.placeOrder(buyer, geese, units);
            shop.payInSandbox(buyer, order);
            await().atMost(Duration.ofSeconds(15)).until(() -> "PAID".equals(shop.status(buyer, order)));
            buyers.add(buyer);
            orders.add(order);
        }
        JsonNode paidLine = events.await(orders.get(0), "OrderPlaced", "OrderPaid").get(1).get("payload").get("lines").get(0);
        assertThat(paidLine.get("presaleDeliveryDate").asString()).isEqualTo(harvest.toString());
        Reply early = shop.post(seller.caller(), "/api/orders/" + orders.get(0) + "/shipments", Map.of("trackingNumber", "SF1"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("type")).endsWith("/presale-not-due");

        Reply cut = shop.post(seller.caller(), "/api/orders/presales/" + geese + "/shortfall", Map.of("deliverableQuantity", 7));

        assertThat(cut.status()).isEqualTo(200);
        assertThat(cut.json().get("subscribedUnits").asInt()).isEqualTo(10);
        assertThat(cut.json().get("unitsRefunded").asInt()).isEqualTo(3);
        assertThat(cut.json().get("refundedFen").asLong()).isEqualTo(3 * 16800);
        // 5·7/10 = 3.5, 3·7/10 = 2.1, 2·7/10 = 1.4: floors 3+2+1 = 6, the last unit to the largest remainder (.5).
        assertThat(remaining(buyers.get(0), orders.get(0))).isEqualTo(4);
        assertThat(remaining(buyers.get(1), orders.get(1))).isEqualTo(2);
        assertThat(remaining(buyers.get(2), orders.get(2))).isEqualTo(1);
        for (UUID order : orders) {
            JsonNode refunded = events.await(order, "OrderPlaced", "OrderPaid", "OrderRefunded").get(2).get("payload");
            assertThat(refunded.get("reason").asString()).isEqualTo("PRESALE_SHORTFALL");
            assertThat(refunded.get("lines").get(0).get("quantity").asInt()).isEqualTo(1);
            assertThat(refunded.get("totalFen").asLong()).isEqualTo(16800);
        }

        Reply again = shop.post(seller.caller(), "/api/orders/presales/" + geese + "/shortfall", Map.of("deliverableQuantity", 7));
        assertThat(again.json().get("ordersCut").asInt()).as("declaring the same quantity again cuts nothing").isZero();
        assertThat(shop.post(shop.newSeller().caller(), "/api/orders/presales/" + geese + "/shortfall",
                Map.of("deliverableQuantity", 0)).status()).isEqualTo(409);

        shop.post(seller.caller(), "/api/orders/presales/" + geese + "/shortfall", Map.of("deliverableQuantity", 0));
        assertThat(shop.status(buyers.get(2), orders.get(2))).isEqualTo("CANCELLED");
        List<JsonNode> last = events.await(orders.get(2), "OrderPlaced", "OrderPaid", "OrderRefunded", "OrderRefunded", "OrderCancelled");
        assertThat(last.get(4).get("payload").get("wasPaid").asBoolean()).isTrue();
        assertThat(last.get(4).get("payload").get("reason").asString()).isEqualTo("PRESALE_SHORTFALL");
    }

    private int remaining(Caller buyer, UUID order) {
        JsonNode line = shop.get(buyer, "/api/orders/" + order).json().get("lines").get(0);
        return line.get("quantity").asInt() - line.get("refundedQuantity").asInt();
    }
}
