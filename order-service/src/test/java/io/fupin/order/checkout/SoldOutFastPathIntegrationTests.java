package io.fupin.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.order.IntegrationTest;
import io.fupin.order.Shop;
import io.fupin.order.Shop.Reply;
import io.fupin.support.identity.Caller;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * The sold-out fast path against the real catalog: once catalog refused a product, the next refusals are answered
 * without a reservation call (counted as Prometheus counts order-service's calls to catalog), and a released
 * reservation reopens the product at once. The test profile keeps marks for ten minutes, so a reopening seen here
 * comes from the release, never from a mark lapsing.
 */
@IntegrationTest
class SoldOutFastPathIntegrationTests {

    private static final Pattern RESERVE_CALLS = Pattern.compile(
            "(?m)^http_client_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*uri=\"/internal/reservations\"[^}]*} (\\S+)$");

    @LocalServerPort
    int port;
    @Autowired
    Shop shop;

    @Test
    void aSoldOutProductIsRefusedWithoutAskingCatalogUntilAReleaseReopensIt() {
        UUID product = shop.listProduct(1, 990, 0);
        Caller first = buyer();
        UUID order = shop.placeOrder(first, product, 1);

        double before = reserveCalls();
        Reply refusedByCatalog = shop.place(buyer(), Shop.order("LIVESTREAM", Map.of(product, 1)));
        double afterCatalog = reserveCalls();
        Reply refusedHere = shop.place(buyer(), Shop.order("LIVESTREAM", Map.of(product, 1)));
        Reply moreRefusedHere = shop.place(buyer(), Shop.order("ONLINE", Map.of(product, 3)));
        double afterFastPath = reserveCalls();

        assertThat(refusedByCatalog.status()).isEqualTo(409);
        assertThat(afterCatalog).isEqualTo(before + 1);
        assertThat(refusedHere.status()).isEqualTo(409);
        assertThat(refusedHere.json().get("type").asString()).endsWith("/sold-out");
        assertThat(refusedHere.body()).isEqualTo(refusedByCatalog.body());
        assertThat(moreRefusedHere.status()).isEqualTo(409);
        assertThat(afterFastPath).as("no reservation call for a product catalog just refused").isEqualTo(afterCatalog);

        // The first buyer cancels: the unit goes back to catalog and the next buyer gets it, mark or not.
        assertThat(shop.post(first, "/api/orders/" + order + "/cancellation", null).status()).isEqualTo(200);
        assertThat(shop.stockOf(product)).isEqualTo(1);
        Reply reopened = shop.place(buyer(), Shop.order("LIVESTREAM", Map.of(product, 1)));

        assertThat(reopened.status()).as(reopened.body()).isEqualTo(201);
        assertThat(reserveCalls()).isEqualTo(afterFastPath + 1);
        assertThat(shop.stockOf(product)).isZero();
    }

    @Test
    void aRefusalOfManyUnitsStillLetsFewerThroughToCatalog() {
        UUID product = shop.listProduct(3, 990, 0);

        Reply tooMany = shop.place(buyer(), Shop.order("ONLINE", Map.of(product, 5)));
        Reply tooManyAgain = shop.place(buyer(), Shop.order("ONLINE", Map.of(product, 4)));
        Reply fewer = shop.place(buyer(), Shop.order("ONLINE", Map.of(product, 3)));

        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooManyAgain.status()).as("4 units, after 5 were refused, is asked of catalog").isEqualTo(409);
        assertThat(fewer.status()).as(fewer.body()).isEqualTo(201);
        assertThat(shop.stockOf(product)).isZero();
    }

    @Test
    void aKeyUsedBeforeReplaysItsFirstAnswerWhileTheProductIsMarked() {
        UUID product = shop.listProduct(1, 990, 0);
        Caller buyer = buyer();
        String key = "key-" + UUID.randomUUID();
        Reply placed = shop.placeWithKey(buyer, key, Shop.order("ONLINE", Map.of(product, 1)));
        shop.place(buyer(), Shop.order("ONLINE", Map.of(product, 1)));

        Reply replayed = shop.placeWithKey(buyer, key, Shop.order("ONLINE", Map.of(product, 1)));

        assertThat(placed.status()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.body()).isEqualTo(placed.body());
    }

    private static Caller buyer() {
        return Caller.of("fast-path-" + UUID.randomUUID(), null, "CONSUMER");
    }

    private double reserveCalls() {
        String scrape = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus").retrieve()
                .body(String.class);
        Matcher calls = RESERVE_CALLS.matcher(scrape);
        double total = 0;
        while (calls.find()) {
            total += Double.parseDouble(calls.group(1));
        }
        return total;
    }
}
