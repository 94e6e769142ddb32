package io.fupin.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.order.Shop.Reply;
import io.fupin.support.identity.Caller;
import io.fupin.support.testing.ObservabilityDocuments;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/** The business figures an operator watches, read as Prometheus reads them: from /actuator/prometheus. */
@IntegrationTest
class BusinessMetricsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Shop shop;

    @Test
    void anOrderPlacedAndPaidAndOneSoldOutMoveTheirCounters() {
        double placed = sample("fupin_orders_placed_total{channel=\"online\"}");
        double soldOut = sample("fupin_orders_refused_total{reason=\"sold_out\"}");
        double paid = sample("fupin_payments_callbacks_total{outcome=\"paid\"}");
        Caller buyer = Caller.of("metered-" + UUID.randomUUID(), null, "CONSUMER");
        UUID product = shop.listProduct(2, 1500, 0);

        UUID order = shop.placeOrder(buyer, product, 1);
        Reply refused = shop.place(buyer, Shop.order("ONLINE", Map.of(product, 5)));
        shop.payInSandbox(buyer, order);
        await().atMost(Duration.ofSeconds(15)).until(() -> "PAID".equals(shop.status(buyer, order)));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(sample("fupin_orders_placed_total{channel=\"online\"}")).isEqualTo(placed + 1);
        assertThat(sample("fupin_orders_refused_total{reason=\"sold_out\"}")).isEqualTo(soldOut + 1);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> sample("fupin_payments_callbacks_total{outcome=\"paid\"}") == paid + 1);
        // The outbox drains to the broker: both events of the order leave it.
        await().atMost(Duration.ofSeconds(30)).until(() -> sample("fupin_outbox_backlog") == 0);
        // What the alert rules and the dashboard read of this service is what it exports.
        assertThat(ObservabilityDocuments.metricsRead().stream()
                .filter(name -> name.startsWith("fupin_orders_") || name.startsWith("fupin_payments_")
                        || name.startsWith("fupin_outbox_")))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(scrape()).containsPattern("(?m)^" + name + "[{ ]"));
    }

    /** One sample of the scrape; 0 for a series not there yet (a counter before its first increment). */
    private double sample(String series) {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private String scrape() {
        return RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus").retrieve().body(String.class);
    }
}
