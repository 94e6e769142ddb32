package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.system.Platform.Reply;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The consoles of the roles that work at desks, in a real browser through the gateway of the stack that
 * {@code deploy/local/fupin up} started: each page looked at (phone and desk screenshots, the axe check).
 */
class ConsolesBrowserSystemIntegrationTests extends BrowserSystemTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    /** Date inputs take their value in ISO form whatever the browser's language shows. */
    private static void date(String css, LocalDate day) {
        browser.js("arguments[0].value = arguments[1]", browser.find(css), day.toString());
    }

    /** A product of the demo seller user, listed, requested and certified through the API. */
    private static String certifiedProductOf(String sellerUser, String name, int stock) {
        return Listings.certifiedProductOf(platform, sellerUser, name, "PEANUTS", 1990, 200, stock);
    }

    @Test
    void aSellerListsAProductWithAPhotoAndRequestsCertificationAnOfficialCertifiesItAndItIsFoundInSearch()
            throws IOException {
        String name = unique("控制台花生");
        browser.signIn("seller", "/seller/products", () -> { });
        browser.look("seller-products");

        browser.find(".console-nav a[href='/seller/products/new']").click();
        browser.waiting().until(ExpectedConditions.urlContains("/seller/products/new"));
        browser.type("#price", "0");
        browser.find("#list-product").click();
        assertThat(browser.find("#priceFen-error").isDisplayed()).isTrue();
        browser.look("seller-product-new");

        browser.type("#name", name);
        new Select(browser.find("#category")).selectByValue("PEANUTS");
        browser.type("#unit", "袋");
        browser.type("#price", "19.90");
        browser.type("#cost", "2.00");
        browser.type("#costReason", "包装与物流");
        browser.type("#stock", "200");
        browser.find("#list-product").click();
        browser.waiting().until(ExpectedConditions.urlMatches("/seller/products/[0-9a-f-]{36}"));
        String productId = browser.driver.getCurrentUrl().replaceAll(".*/seller/products/([0-9a-f-]{36}).*", "$1");
        assertThat(browser.find("#product-status").getText()).isEqualTo("草稿");

        Path photo = Files.createTempFile("photo-", ".png");
        try {
            BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            picture.getGraphics().fillRect(8, 8, 48, 32);
            ImageIO.write(picture, "png", photo.toFile());
            browser.find("#photo").sendKeys(photo.toAbsolutePath().toString());
            browser.find("#upload-photo").click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "照片已上传"));
        } finally {
            Files.deleteIfExists(photo);
        }
        assertThat(platform.download("/api/catalog/products/" + productId + "/photo", Map.of()).statusCode())
                .isEqualTo(200);

        browser.type("#certificateNumber", "FP-" + name);
        browser.type("#issuingBody", "双城区扶贫办");
        date("#validFrom", TODAY.minusDays(1));
        date("#validUntil", TODAY.plusYears(1));
        browser.find("#request-certification").click();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("product-status"), "认定审核中"));
        browser.look("seller-product");

        browser.signIn("official", "/official/certifications", () -> { });
        browser.look("official-certifications");
        browser.find("#product-" + productId + " button.approve").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("official-done")));
        assertThat(platform.get(null, "/api/catalog/products/" + productId).body().get("status").asString())
                .isEqualTo("ON_SALE");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.open("/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
            return text().contains(name);
        });
    }

    @Test
    void anOfficialOpensTheChartByTownAndVillageAndDrillsDownToAHouseholdBehindTarget() {
        browser.signIn("official", "/official/progress", () -> { });
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#progress-chart canvas")));
        browser.look("official-progress");

        browser.find("#parts tbody a").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#progress-chart canvas")));
        browser.find("#parts tbody a").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("households-title")));

        List<WebElement> behind = browser.driver.findElements(By.cssSelector("#households tr.household"));
        assertThat(behind).isNotEmpty();
        assertThat(behind.getFirst().getText()).contains("落后于目标");
        browser.look("official-village");
    }

    /**
     * The clerk's pages as a clerk sees them. Closing a period is not driven here: the walking skeleton's
     * livestream closes today's period, and a period can close through today only once.
     */
    @Test
    void aClerkSeesThePeriodsAndWhatIsInSuspense() {
        browser.signIn("clerk", "/clerk/periods", () -> { });
        assertThat(browser.find("#close-period").isDisplayed()).isTrue();
        browser.look("clerk-periods");
        browser.open("/clerk/suspense");
        assertThat(browser.find("h1").getText()).isEqualTo("挂账与待退款");
        browser.look("clerk-suspense");
    }

    @Test
    void aSellerShipsEveryPaidOrderInOneActionAfterOneArrivedByCsv() throws IOException {
        String product = certifiedProductOf("seller", unique("直播花生"), 100);
        List<String> orders = List.of(platform.placeAndPay("consumer", product, 1),
                platform.placeAndPay("consumer2", product, 2), platform.placeAndPay("consumer", product, 3));
        String byCsv = platform.get("seller", "/api/orders/" + orders.get(0)).body().get("orderNumber").asString();

        browser.signIn("seller", "/seller/orders", () -> { });
        browser.open("/seller/orders/packing-list");
        assertThat(text()).contains(byCsv, "黑龙江省哈尔滨市双城区");
        browser.look("seller-packing-list");

        browser.open("/seller/orders");
        browser.look("seller-orders");
        Path csv = Files.createTempFile("tracking-", ".csv");
        try {
            Files.writeString(csv, "orderNumber,trackingNumber\n" + byCsv + ",SF-CSV-1\n");
            browser.find("#file").sendKeys(csv.toAbsolutePath().toString());
            browser.find("#ship-csv").click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("shipped-note"), "1"));
        } finally {
            Files.deleteIfExists(csv);
        }

        for (String order : orders.subList(1, orders.size())) {
            assertThat(browser.driver.findElements(By.id("tracking-" + order))).as(order).hasSize(1);
        }
        List<WebElement> fields = browser.driver.findElements(By.cssSelector("input.tracking"));
        for (int i = 0; i < fields.size(); i++) {
            fields.get(i).sendKeys("SF-LIVE-" + i);
        }
        // The CSV's note is still on the page: wait for the page the shipment draws, not for that note.
        WebElement csvNote = browser.find("#shipped-note");
        browser.find("#ship-all").click();
        // Other tests' orders of the demo seller may be on the list too: all of them were given a number.
        browser.waiting().until(ExpectedConditions.stalenessOf(csvNote));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("shipped-note")));

        for (String order : orders) {
            assertThat(platform.get("seller", "/api/orders/" + order).body().get("status").asString())
                    .as(order).isEqualTo("SHIPPED");
        }
        assertThat(platform.get("consumer", "/api/orders/" + orders.get(0)).body().get("lines").get(0)
                .get("trackingNumber").asString()).isEqualTo("SF-CSV-1");
        // None of this test's orders is left to ship. (Another test's order of the same demo seller may have
        // become paid since the page was drawn, by the payment status check, and rightly wait on the list.)
        for (String order : orders) {
            assertThat(browser.driver.findElements(By.id("tracking-" + order))).as(order).isEmpty();
        }
    }

    @Test
    void aSellerGetsTheNotAllowedPageOnTheClerkAndOfficialConsoles() {
        browser.signIn("seller", "/seller/products", () -> { });

        for (String page : List.of("/clerk/periods", "/official/certifications")) {
            browser.open(page);
            assertThat(browser.find("h1").getText()).as(page).isEqualTo("无权访问");
            assertThat(text()).doesNotContain("Exception", "Whitelabel");
        }
        browser.look("forbidden");
    }

    @Test
    void anAdministratorSeesTheDeadLettersAndSetsALivestreamLimit() {
        String product = certifiedProductOf("seller", unique("限购花生"), 10);
        browser.signIn("admin", "/admin/dead-letters", () -> { });
        assertThat(browser.driver.findElements(By.cssSelector("button[id^='replay-']"))).hasSize(3);
        browser.look("admin-dead-letters");

        browser.open("/admin/livestream-limits?product=" + product);
        // The limit in force is the strictest of the product's own and the default (5): set one below it.
        browser.type("#max", "3");
        browser.find("main form button[type='submit']").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-limit"), "3"));
        assertThat(platform.get("admin", "/api/orders/livestream-limits/" + product).body().get("maxUnitsPerBuyer")
                .asInt()).isEqualTo(3);
        browser.look("admin-livestream-limits");
    }

    @Test
    void anAdministratorSeesAPaymentCallbackRefusedForItsAmount() {
        String product = certifiedProductOf("seller", unique("核对花生"), 10);
        Reply placed = platform.post("consumer", "/api/orders", Map.of(
                "lines", List.of(Map.of("productId", product, "quantity", 1)), "channel", "ONLINE",
                "buyer", Map.of("kind", "INDIVIDUAL"),
                "delivery", Map.of("name", "王芳", "mobile", "13800138000", "address", "黑龙江省哈尔滨市双城区")),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(201);
        long total = placed.body().get("totalFen").asLong();
        String orderId = placed.body().get("id").asString();
        Reply payment = platform.post("consumer", "/api/payments", Map.of("orderId", orderId, "amountFen", total),
                Map.of("Idempotency-Key", "pay-" + orderId));
        String paymentId = payment.body().get("id").asString();
        // the wallet reports one fen more than the order's total: order-service refuses the callback and flags it
        Reply paid = platform.post("consumer", "/api/payments/" + paymentId + "/sandbox/pay", Map.of("amountFen", total + 1),
                Map.of());
        assertThat(paid.status()).as(paid.raw().body()).isIn(200, 202, 204);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                platform.get("admin", "/api/payments/flags?size=50").raw().body().contains(paymentId));

        browser.signIn("admin", "/admin/payment-flags", () -> { });
        WebElement row = browser.find("#payment-flags tr[data-payment='" + paymentId + "']");
        List<WebElement> amounts = row.findElements(By.cssSelector("td[data-fen]"));
        assertThat(amounts).extracting(cell -> Long.parseLong(cell.getAttribute("data-fen"))).containsExactly(total, total + 1);
        assertThat(platform.get("consumer", "/api/orders/" + orderId).body().get("status").asString()).isNotEqualTo("PAID");
        browser.look("admin-payment-flags");
    }
}
