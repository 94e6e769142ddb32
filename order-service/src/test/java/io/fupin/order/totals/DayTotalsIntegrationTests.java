package io.fupin.order.totals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.order.IntegrationTest;
import io.fupin.order.Shop;
import io.fupin.support.identity.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class DayTotalsIntegrationTests {

    static final Caller SETTLEMENT = Caller.of("service:settlement-service", null, "SERVICE");

    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    @Autowired
    Shop shop;
    Caller buyer = Shop.newBuyer("totals");

    @Test
    void answersPerOrderWhatWasPaidAndRefundedOnTheDay() {
        UUID product = shop.listProduct(20, 1234, 0);
        UUID kept = shop.placeOrder(buyer, product, 2);
        UUID cancelled = shop.placeOrder(buyer, product, 3);
        UUID unpaid = shop.placeOrder(buyer, product, 1);
        shop.payInSandbox(buyer, kept);
        shop.payInSandbox(buyer, cancelled);
        await().atMost(Duration.ofSeconds(15)).until(() -> "PAID".equals(shop.status(buyer, kept))
                && "PAID".equals(shop.status(buyer, cancelled)));
        assertThat(shop.post(buyer, "/api/orders/" + cancelled + "/cancellation", null).status()).isEqualTo(200);

        LocalDate today = LocalDate.now(clock.withZone(DayTotals.CHINA));
        Map<UUID, JsonNode> totals = totalsOf(today);

        assertThat(totals.get(kept).get("paidFen").asLong()).isEqualTo(2468);
        assertThat(totals.get(kept).get("refundedFen").asLong()).isZero();
        assertThat(totals.get(cancelled).get("paidFen").asLong()).isEqualTo(3702);
        assertThat(totals.get(cancelled).get("refundedFen").asLong()).isEqualTo(3702);
        assertThat(totals).doesNotContainKey(unpaid);
        assertThat(totalsOf(today.minusDays(1))).doesNotContainKeys(kept, cancelled);
    }

    @Test
    void answersOnlyOtherServices() {
        String day = LocalDate.now(clock.withZone(DayTotals.CHINA)).toString();
        assertThat(shop.get(Caller.of("clerk", null, "CLERK"), "/internal/order-totals/" + day).status()).isEqualTo(403);
        assertThat(shop.get(buyer, "/internal/order-totals/" + day).status()).isEqualTo(403);
        Shop.Reply notADay = shop.get(SETTLEMENT, "/internal/order-totals/yesterday");
        assertThat(notADay.status()).isEqualTo(400);
        assertThat(shop.get(SETTLEMENT, "/internal/order-totals/" + day + "?size=1001").status()).isEqualTo(400);
    }

    /** Every page of the day, as settlement reads it. */
    private Map<UUID, JsonNode> totalsOf(LocalDate day) {
        Map<UUID, JsonNode> totals = new HashMap<>();
        int page = 0;
        JsonNode reply;
        do {
            Shop.Reply answer = shop.get(SETTLEMENT, "/internal/order-totals/" + day + "?page=" + page + "&size=2");
            assertThat(answer.status()).isEqualTo(200);
            reply = answer.json();
            reply.get("items").forEach(item -> totals.put(UUID.fromString(item.get("orderId").asString()), item));
            page++;
        } while (page < reply.get("totalPages").asInt());
        return totals;
    }
}
