package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.system.Platform.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * "My impact" in a real browser against the settlement ledger: a consumer buys a bag of 翠小妹花生, pays, the
 * order completes, and every figure the page shows equals what settlement's order record and the households'
 * statements say about that consumer's orders, to the fen.
 */
class ImpactLedgerBrowserSystemIntegrationTests extends BrowserSystemTest {

    /** A member of the demo's livestream audience that no other test buys as. */
    static final String BUYER = "buyer-4987";


    @Test
    void myImpactShowsWhatTheLedgerHoldsForMyOrdersToTheFen() {
        String peanuts = peanuts();
        String orderId = platform.placeAndPay(BUYER, peanuts, 3);
        Reply shipped = platform.post("seller-cuicui", "/api/orders/" + orderId + "/shipments",
                Map.of("trackingNumber", "SF" + Math.abs(orderId.hashCode())), Map.of());
        assertThat(shipped.status()).as(shipped.raw().body()).isEqualTo(200);
        Reply delivered = platform.post(BUYER, "/api/orders/" + orderId + "/delivery", null, Map.of());
        assertThat(delivered.status()).as(delivered.raw().body()).isEqualTo(200);
        // Locally the refund window is 20 s and the sweep runs every 5 s; then settlement makes the parts payable.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() ->
                "COMPLETED".equals(platform.get("clerk", "/api/settlements/orders/" + orderId).body()
                        .path("status").asString("")));

        Ledger expected = ledgerOf(paidOrdersOfTheBuyer());

        browser.signIn(BUYER, "/account/impact", () -> { });
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("impact-spent")));

        assertThat(shown("impact-spent")).isEqualTo(expected.spentFen());
        assertThat(shown("impact-costs")).isEqualTo(expected.costFen());
        assertThat(shown("impact-households")).isEqualTo(expected.spentFen() - expected.costFen());
        assertThat(shown("impact-held")).isEqualTo(expected.byAccount().getOrDefault("HELD", 0L));
        assertThat(shown("impact-payable")).isEqualTo(expected.byAccount().getOrDefault("PAYABLE", 0L));
        assertThat(shown("impact-in-payout")).isEqualTo(expected.byAccount().getOrDefault("IN_PAYOUT", 0L));
        assertThat(shown("impact-paid-out")).isEqualTo(expected.byAccount().getOrDefault("PAID_OUT", 0L));
        long suspense = browser.driver.findElements(By.id("impact-suspense")).isEmpty() ? 0 : shown("impact-suspense");
        assertThat(suspense).isEqualTo(expected.spentFen() - expected.costFen() - expected.householdsFen());
        // the one completed order: 3 bags at ¥19.90 with ¥3.00 of costs each, all of the net now payable
        assertThat(expected.spentFen()).isGreaterThanOrEqualTo(3 * 1990);
        assertThat(expected.byAccount().getOrDefault("PAYABLE", 0L)).isGreaterThanOrEqualTo(3 * (1990 - 300) - suspense);
        assertThat(browser.driver.findElement(By.id("impact-households")).getText())
                .isEqualTo(yuan(expected.spentFen() - expected.costFen()));
        browser.look("impact-ledger");
    }

    /** What settlement recorded of the orders and what the households' statements hold from them, by account. */
    record Ledger(long spentFen, long costFen, long householdsFen, Map<String, Long> byAccount) {
    }

    private static Ledger ledgerOf(List<JsonNode> orders) {
        long spent = 0;
        long cost = 0;
        List<String> orderIds = new ArrayList<>();
        java.util.Set<String> products = new java.util.TreeSet<>();
        for (JsonNode order : orders) {
            String id = order.get("id").asString();
            JsonNode recorded = platform.get("clerk", "/api/settlements/orders/" + id).body();
            spent += recorded.get("grossFen").asLong() - recorded.get("refundedFen").asLong();
            cost += recorded.get("costFen").asLong();
            orderIds.add(id);
            order.get("lines").forEach(line -> products.add(line.get("productId").asString()));
        }
        java.util.Set<String> households = new java.util.TreeSet<>();
        for (String product : products) {
            Reply linkage = platform.get("clerk", "/api/households/products/" + product + "/linkage");
            assertThat(linkage.status()).as(linkage.raw().body()).isEqualTo(200);
            linkage.body().get("shares").forEach(share -> households.add(share.get("householdId").asString()));
        }
        Map<String, Long> byAccount = new HashMap<>();
        long toHouseholds = 0;
        for (String household : households) {
            Reply statement = platform.get("clerk", "/api/settlements/households/" + household + "/statement");
            assertThat(statement.status()).as(statement.raw().body()).isEqualTo(200);
            for (JsonNode entry : statement.body().get("entries")) {
                if (!entry.path("orderId").isNull() && orderIds.contains(entry.path("orderId").asString(""))) {
                    long amount = entry.get("amountFen").asLong();
                    byAccount.merge(entry.get("account").asString(), amount, Long::sum);
                    toHouseholds += amount;
                }
            }
        }
        return new Ledger(spent, cost, toHouseholds, byAccount);
    }

    private static List<JsonNode> paidOrdersOfTheBuyer() {
        Reply mine = platform.get(BUYER, "/api/orders?size=100");
        assertThat(mine.status()).as(mine.raw().body()).isEqualTo(200);
        List<JsonNode> paid = new ArrayList<>();
        for (JsonNode order : mine.body().get("items")) {
            if (!order.path("paidAt").isNull() && !order.path("paidAt").isMissingNode()) {
                paid.add(platform.get(BUYER, "/api/orders/" + order.get("id").asString()).body());
            }
        }
        assertThat(paid).isNotEmpty();
        return paid;
    }

    private static long shown(String id) {
        return Long.parseLong(browser.driver.findElement(By.id(id)).getAttribute("data-fen"));
    }

    private static String yuan(long fen) {
        return "¥%d.%02d".formatted(fen / 100, fen % 100);
    }

    private static String peanuts() {
        String sellerId = platform.sellerIdOf("seller-cuicui");
        Reply found = platform.get(null, "/api/catalog/products?size=50&q=" + java.net.URLEncoder.encode("翠小妹花生",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.status()).as(found.raw().body()).isEqualTo(200);
        for (JsonNode item : found.body().get("items")) {
            if (item.get("name").asString().equals("翠小妹花生") && item.get("sellerId").asString().equals(sellerId)) {
                return item.get("id").asString();
            }
        }
        throw new AssertionError("no demo product 翠小妹花生: " + found.raw().body());
    }
}
