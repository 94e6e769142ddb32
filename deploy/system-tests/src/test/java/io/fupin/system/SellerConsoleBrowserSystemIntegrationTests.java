package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.system.Platform.Reply;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The seller console's refunds, sales and linkages, in a real browser through the gateway of the stack that
 * {@code deploy/local/fupin up} started: each page looked at (phone and desk screenshots, the axe check).
 */
class SellerConsoleBrowserSystemIntegrationTests extends BrowserSystemTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String SELLER = "seller";

    /** A product of the demo seller, listed, requested and certified through the API; answers its id. */
    private static String certifiedProduct(String name) {
        return Listings.certifiedProductOf(platform, SELLER, name, "RICE", 3990, 300, 50);
    }

    @Test
    void aSellerRejectsARefundWithAReasonTheBuyerReadsOnTheOrderPage() {
        String buyer = "buyer-" + ThreadLocalRandom.current().nextInt(4_000, 5_000);
        String product = certifiedProduct(unique("拒退大米"));
        String orderId = platform.placeAndPay(buyer, product, 2);
        assertThat(platform.post(SELLER, "/api/orders/" + orderId + "/shipments", Map.of("trackingNumber", "SF-REJECT-1"),
                Map.of()).status()).isEqualTo(200);
        assertThat(platform.post(buyer, "/api/orders/" + orderId + "/delivery", null, Map.of()).status()).isEqualTo(200);
        Reply requested = platform.post(buyer, "/api/orders/" + orderId + "/refunds",
                Map.of("lines", List.of(Map.of("productId", product, "quantity", 1)), "note", "口感不好"), Map.of());
        assertThat(requested.status()).as(requested.raw().body()).isEqualTo(201);
        String refundId = requested.body().get("refunds").get(0).get("refundId").asString();

        browser.signIn(SELLER, "/seller/refunds", () -> { });
        String form = "form[action$='/refunds/" + refundId + "/rejection']";
        // The field is required in the browser; without that, the console itself names the missing reason.
        browser.js("arguments[0].removeAttribute('required')", browser.find(form + " input[name='reason']"));
        browser.find(form + " button").click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reason-error-" + refundId)));
        assertThat(browser.find("#reason-" + refundId).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(platform.get(buyer, "/api/orders/" + orderId).body().get("refunds").get(0).get("status").asString())
                .isEqualTo("REQUESTED");
        browser.look("seller-refunds");

        browser.type("#reason-" + refundId, "大米已开袋食用，不符合退货条件");
        browser.find(form + " button").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已拒绝退款申请"));

        browser.signIn(buyer, "/account/orders/" + orderId, () -> { });
        assertThat(browser.find(".rejection-reason").getText()).isEqualTo("卖家拒绝的原因：大米已开袋食用，不符合退货条件");
        browser.look("order-refund-rejected");
    }

    @Test
    void aSellersSalesPerProductAreTheLedgersFiguresToTheFen() {
        String buyer = "buyer-" + ThreadLocalRandom.current().nextInt(4_000, 5_000);
        String product = certifiedProduct(unique("账目大米"));
        platform.placeAndPay(buyer, product, 3);
        String days = "from=" + TODAY + "&to=" + TODAY;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                rowOf(platform.get(SELLER, "/api/settlements/sales?" + days).body(), product) != null);
        JsonNode ledger = rowOf(platform.get(SELLER, "/api/settlements/sales?" + days).body(), product);

        browser.signIn(SELLER, "/seller/sales?firstDay=" + TODAY + "&lastDay=" + TODAY, () -> { });
        WebElement row = browser.find("#sales tr[data-product='" + product + "']");
        for (String figure : List.of("sold", "refunded", "cost", "net", "held", "payable", "in-payout", "paid-out",
                "suspense")) {
            String field = switch (figure) {
                case "in-payout" -> "inPayoutFen";
                case "paid-out" -> "paidOutFen";
                default -> figure + "Fen";
            };
            assertThat(Long.parseLong(row.findElement(By.cssSelector("td." + figure)).getAttribute("data-fen")))
                    .as(figure).isEqualTo(ledger.get(field).asLong());
        }
        assertThat(ledger.get("soldFen").asLong()).isEqualTo(3 * 3990);
        assertThat(ledger.get("costFen").asLong()).isEqualTo(3 * 300);
        assertThat(ledger.get("netFen").asLong()).isEqualTo(3 * 3690);
        long total = 0;
        for (String figure : List.of("held", "payable", "in-payout", "paid-out", "suspense")) {
            total += Long.parseLong(browser.find("#sales-total td." + figure).getAttribute("data-fen"));
        }
        assertThat(total).as("the total's stages add up to its net")
                .isEqualTo(Long.parseLong(browser.find("#sales-total td.net").getAttribute("data-fen")));
        browser.look("seller-sales");

        browser.type("#firstDay", "十一月");
        browser.find("#show-sales").click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("firstDay-error")));
    }

    @Test
    void aSellerDeclaresANewLinkageVersionAndSeesTheRefusalsOnTheForm() {
        String product = certifiedProduct(unique("联结大米"));
        Reply households = platform.get(SELLER, "/api/households?size=1");
        assertThat(households.status()).as(households.raw().body()).isEqualTo(200);
        String household = households.body().get("items").get(0).get("householdId").asString();
        // household-service learns the product from catalog's event: until then a declaration is 409.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> platform.post(SELLER,
                "/api/households/products/" + product + "/linkage/versions", Map.of("shares", List.of()), Map.of())
                .status() == 400);

        browser.signIn(SELLER, "/seller/products/" + product, () -> { });
        browser.type("#newHousehold", household);
        browser.type("#newShares", "3");
        browser.type("#lotName", "控制台批次");
        browser.js("arguments[0].value = arguments[1]", browser.find("#effectiveFrom"), TODAY.minusDays(2) + "T08:00");
        browser.find("#declare-linkage").click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("effectiveFrom-error")));
        assertThat(browser.find("#effectiveFrom").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#newHousehold").getAttribute("value")).isEqualTo(household);

        browser.js("arguments[0].value = ''", browser.find("#effectiveFrom"));
        browser.find("#declare-linkage").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "新的利益联结版本已声明"));
        assertThat(browser.find("#linkage-history").getText()).contains("控制台批次");
        WebElement share = browser.find("#share-" + household);
        assertThat(share.getAttribute("value")).isEqualTo("3");

        browser.type("#share-" + household, "0");
        browser.find("#declare-linkage").click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("shares-error")));
        Reply versions = platform.get(SELLER, "/api/households/products/" + product + "/linkage/versions");
        assertThat(versions.body().get("items")).as("nothing declared by a refused version").hasSize(1);
        browser.look("seller-linkage");
    }

    private static JsonNode rowOf(JsonNode sales, String product) {
        for (JsonNode row : sales.get("products")) {
            if (row.get("productId").asString().equals(product)) {
                return row;
            }
        }
        return null;
    }
}
