package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import io.fupin.system.Platform.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The storefront in a real browser (headless Chromium through Selenium), through the gateway of the stack that
 * {@code deploy/local/fupin up} started, at a phone's width unless a test says otherwise.
 */
class StorefrontBrowserSystemIntegrationTests extends BrowserSystemTest {

    /** A fresh session (no cart, nobody signed in), then the login form, as a person would fill it in. */
    private static void signIn(String user) {
        signIn(user, () -> { });
    }

    private static void signIn(String user, Runnable onTheLoginPage) {
        browser.signIn(user, "/account/orders", onTheLoginPage);
    }

    private static long stockOf(String product) {
        Reply reply = platform.get(null, "/api/catalog/products/" + product);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.body().get("stock").asLong();
    }

    /** The demo's own product of that name and seller (the tests list products of the same name elsewhere). */
    private static String demoProduct(String name, String sellerUser) {
        String sellerId = platform.sellerIdOf(sellerUser);
        Reply found = platform.get(null, "/api/catalog/products?size=50&q=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.status()).as(found.raw().body()).isEqualTo(200);
        return StreamSupport.stream(found.body().get("items").spliterator(), false)
                .filter(item -> item.get("name").asString().equals(name))
                .filter(item -> item.get("sellerId").asString().equals(sellerId))
                .filter(item -> item.get("stock").asLong() > 10)
                .map(item -> item.get("id").asString())
                .findFirst().orElseThrow(() -> new AssertionError("no demo product " + name + ": " + found.raw().body()));
    }

    private static void addToCart(String product) {
        browser.open("/products/" + product);
        browser.find("#add-to-cart").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("cart-note"), "已加入购物车"));
    }

    private static void fillDelivery() {
        browser.find("#name").sendKeys("王芳");
        browser.find("#mobile").sendKeys("13800138000");
        browser.find("#address").sendKeys("黑龙江省哈尔滨市双城区联兴镇兴功村 1 号");
    }

    /** The order page the checkout led to; answers the order's id. */
    private static String awaitOrderPage() {
        browser.waiting().until(ExpectedConditions.urlMatches("/account/orders/[0-9a-f-]{36}"));
        String url = browser.driver.getCurrentUrl();
        return url.replaceAll(".*/account/orders/([0-9a-f-]{36}).*", "$1");
    }

    private static void awaitStatus(String statusText) {
        browser.waiting().until(ExpectedConditions.textToBe(By.id("order-status"), statusText));
    }

    private static JsonNode order(String user, String orderId) {
        Reply reply = platform.get(user, "/api/orders/" + orderId);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.body();
    }

    private static void ship(String sellerUser, String orderId) {
        Reply shipped = platform.post(sellerUser, "/api/orders/" + orderId + "/shipments",
                Map.of("trackingNumber", "SF" + Math.abs(orderId.hashCode())), Map.of());
        assertThat(shipped.status()).as(shipped.raw().body()).isEqualTo(200);
    }

    private static void search(String words) {
        WebElement box = browser.find("#q");
        box.clear();
        box.sendKeys(words);
        box.submit();
        browser.waiting().until(ExpectedConditions.urlContains("/search"));
    }

    /**
     * Chromium posts the login form with {@code Origin: null} (the pages' referrer policy is no-referrer); the
     * gateway's CORS check refused that with 403, where curl without the header got through.
     */
    @Test
    void signsInThroughTheGatewayAndLandsWhereItWasGoing() {
        signIn("consumer", () -> browser.look("login"));

        assertThat(browser.find("h1").getText()).isEqualTo("我的订单");
        assertThat(browser.find("header nav").getText()).contains("退出");
    }

    @Test
    void findsRiceByChineseAndByPinyin() {
        browser.open("/");
        search("大米");
        assertThat(browser.driver.findElements(By.cssSelector(".hits .card h3")))
                .extracting(WebElement::getText).anyMatch(name -> name.contains("大米"));

        search("dami");
        assertThat(browser.driver.findElements(By.cssSelector(".hits .card h3")))
                .extracting(WebElement::getText).anyMatch(name -> name.contains("大米"));

        search("xyzzy-nothing");
        assertThat(text()).contains("没有找到相关商品", "dami");
    }

    @Test
    void aSoldOutProductSaysSoClearly() {
        String product = Listings.listProduct(platform, "售罄测试小米", "MILLET", 1, 1200, 0);
        Reply order = platform.post("consumer2", "/api/orders", Map.of(
                "lines", List.of(Map.of("productId", product, "quantity", 1)), "channel", "ONLINE",
                "buyer", Map.of("kind", "INDIVIDUAL"),
                "delivery", Map.of("name", "王芳", "mobile", "13800138000", "address", "黑龙江省哈尔滨市双城区")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(order.status()).as(order.raw().body()).isEqualTo(201);

        browser.open("/products/" + product);

        assertThat(text()).contains("此商品已售罄，暂时无法购买。");
        assertThat(browser.driver.findElements(By.id("add-to-cart"))).isEmpty();
    }

    @Test
    void aPhotoTheSellerUploadsShowsOnTheProductPageSearchAndTracePage() throws Exception {
        String product = demoProduct("翠小妹花生礼盒", "seller-cuicui");
        byte[] photo = drawnPhoto(800, 600);
        assertThat(platform.upload("seller", "/api/catalog/products/" + product + "/photo", "礼盒.png",
                "image/png", photo).status()).isEqualTo(403);
        assertThat(platform.upload("consumer", "/api/catalog/products/" + product + "/photo", "礼盒.png",
                "image/png", photo).status()).isEqualTo(403);
        Reply renamed = platform.upload("seller-cuicui", "/api/catalog/products/" + product + "/photo", "礼盒.png",
                "image/png", "不是图片".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(renamed.status()).isEqualTo(415);
        assertThat(renamed.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");

        Reply uploaded = platform.upload("seller-cuicui", "/api/catalog/products/" + product + "/photo", "礼盒.png",
                "image/png", photo);

        assertThat(uploaded.status()).as(uploaded.raw().body()).isEqualTo(200);
        String url = uploaded.body().get("url").asString();
        java.net.http.HttpResponse<byte[]> served = platform.download(url, Map.of());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(photo);
        assertThat(served.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000", "public");
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertThat(platform.download(url, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);

        browser.open("/products/" + product);
        WebElement shown = browser.find(".product .photo");
        assertThat(shown.getAttribute("src")).endsWith(url);
        browser.waiting().until(driver -> ((Number) browser.js("return arguments[0].naturalWidth", shown)).intValue() > 0);
        assertThat(((Number) browser.js("return arguments[0].naturalWidth", shown)).intValue()).isEqualTo(800);
        browser.look("product-photo");

        browser.open("/trace/p/" + product);
        assertThat(browser.find(".trace-photo").getAttribute("src")).endsWith(url);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.open("/search?q=" + java.net.URLEncoder.encode("翠小妹花生礼盒", java.nio.charset.StandardCharsets.UTF_8));
            return browser.driver.findElements(By.cssSelector(".card img")).stream()
                    .anyMatch(img -> img.getAttribute("src").endsWith(url));
        });
    }

    /** A plain picture drawn here, as a seller's phone would send one. */
    private static byte[] drawnPhoto(int width, int height) throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0xc0392b));
        g.fillRect(0, 0, width, height);
        g.setColor(new java.awt.Color(0xd9a066));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    @Test
    void aRevokedCertificateShowsAtOnceOnItsTracePage() {
        String product = Listings.listProduct(platform, "撤销测试鹅蛋", "EGGS", 10, 3000, 0);
        browser.open("/trace/p/" + product);
        assertThat(browser.find("#certificate-state").getText()).isEqualTo("扶贫产品认定有效");

        Reply revoked = platform.post("official", "/api/catalog/products/" + product + "/revoke",
                Map.of("reason", "抽检不合格"), Map.of());
        assertThat(revoked.status()).as(revoked.raw().body()).isEqualTo(200);

        browser.open("/trace/p/" + product);
        assertThat(browser.find("#certificate-state").getText()).contains("已被撤销");
        assertThat(text()).contains("抽检不合格");
    }

    @Test
    void buysTwoProductsFromAPhoneThenPaysAndSeesTheOrder() {
        String peanuts = demoProduct("翠小妹花生", "seller-cuicui");
        String millet = Listings.listProduct(platform, "系统测试小米", "MILLET", 50, 2500, 300);
        signIn("consumer");

        browser.open("/");
        browser.look("home");
        search("翠小妹花生");
        browser.look("search");
        browser.driver.findElements(By.cssSelector(".hits .card a")).stream()
                .filter(link -> link.getAttribute("href").endsWith("/products/" + peanuts))
                .findFirst().orElseThrow(() -> new AssertionError("the demo's peanuts are not among the hits")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/products/" + peanuts));
        browser.look("product");
        addToCart(peanuts);
        addToCart(millet);
        assertThat(browser.find("#cart-count").getText()).isEqualTo("2");

        browser.open("/cart");
        browser.look("cart");
        assertThat(browser.driver.findElements(By.cssSelector(".lines .line"))).hasSize(2);
        assertThat(browser.find(".checkout-bar .total").getText()).contains("¥44.90");
        browser.find("#to-checkout").click();
        browser.waiting().until(ExpectedConditions.urlContains("/checkout"));
        fillDelivery();
        browser.look("checkout");
        browser.find("#place-order").click();
        String orderId = awaitOrderPage();
        assertThat(text()).contains("订单已提交");
        awaitStatus("待付款");

        browser.find("#pay").click();
        awaitStatus("已付款");
        assertThat(browser.find("#paid-confirmation").getText()).contains("付款成功");
        browser.look("order");

        browser.open("/account/orders");
        WebElement mine = browser.driver.findElements(By.cssSelector(".orders a")).stream()
                .filter(link -> link.getAttribute("href").endsWith("/account/orders/" + orderId))
                .findFirst().orElseThrow(() -> new AssertionError("the order is not listed"));
        assertThat(mine.getText()).contains("已付款", "¥44.90");
        browser.look("orders");
        JsonNode placed = order("consumer", orderId);
        assertThat(placed.get("totalFen").asLong()).isEqualTo(1990 + 2500);
    }

    @Test
    void aDoubleClickOnPlaceOrderPlacesOneOrder() {
        String product = Listings.listProduct(platform, "双击测试鹅蛋", "EGGS", 20, 3000, 0);
        signIn("consumer2");
        addToCart(product);
        browser.open("/checkout");
        fillDelivery();
        long before = stockOf(product);

        new Actions(browser.driver).doubleClick(browser.find("#place-order")).perform();

        awaitOrderPage();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> stockOf(product) == before - 1);
        assertThat(stockOf(product)).isEqualTo(before - 1);
    }

    @Test
    void myOrdersCancelBeforeShippingConfirmDeliveryAndRefundSomeLines() {
        String peanuts = demoProduct("翠小妹花生", "seller-cuicui");
        String gift = demoProduct("翠小妹花生礼盒", "seller-cuicui");
        signIn("consumer");

        addToCart(peanuts);
        browser.open("/checkout");
        fillDelivery();
        browser.find("#place-order").click();
        awaitOrderPage();
        browser.find("#cancel-order").click();
        awaitStatus("已取消");
        assertThat(text()).contains("订单已取消。");
        assertThat(browser.driver.findElements(By.id("pay"))).isEmpty();

        addToCart(peanuts);
        addToCart(gift);
        browser.open("/cart");
        browser.find("#qty-" + peanuts).clear();
        browser.find("#qty-" + peanuts).sendKeys("3");
        browser.find("#qty-" + peanuts).submit();
        browser.open("/checkout");
        browser.find("#address-0").click();
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("mobile"), "value", "13800138000"));
        assertThat(browser.find("#address").getAttribute("value")).isEqualTo("黑龙江省哈尔滨市双城区联兴镇兴功村 1 号");
        browser.look("checkout-address-book");
        browser.find("#place-order").click();
        String orderId = awaitOrderPage();
        browser.find("#pay").click();
        awaitStatus("已付款");
        ship("seller-cuicui", orderId);

        browser.open("/account/orders/" + orderId);
        awaitStatus("已发货");
        assertThat(browser.find(".order-lines").getText()).contains("SF" + Math.abs(orderId.hashCode()));
        browser.find("#confirm-delivery").click();
        awaitStatus("已收货");
        browser.find("#qty-" + peanuts).clear();
        browser.find("#qty-" + peanuts).sendKeys("1");
        browser.find("#note").sendKeys("一袋破损");
        browser.look("order-refund");
        browser.find("#request-refund").click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "退货申请已提交"));
        assertThat(browser.find("[aria-labelledby=refunds-heading]").getText()).contains("¥19.90", "待处理");
        JsonNode refunds = order("consumer", orderId).get("refunds");
        assertThat(refunds).hasSize(1);
    }

    @Test
    void theTracePageOfACompletedLineShowsPartsThatAddUpToItsNet() {
        String peanuts = demoProduct("翠小妹花生", "seller-cuicui");
        String orderId = platform.placeAndPay("consumer2", peanuts, 2);
        ship("seller-cuicui", orderId);
        Reply delivered = platform.post("consumer2", "/api/orders/" + orderId + "/delivery", null, Map.of());
        assertThat(delivered.status()).as(delivered.raw().body()).isEqualTo(200);
        // Locally the refund window is 20 s and the sweep runs every 5 s; settlement then records the parts.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Reply line = platform.get(null, "/api/settlements/public/orders/" + orderId + "/products/" + peanuts);
            return line.status() == 200 && !line.body().path("completedAt").isNull()
                    && !line.body().path("completedAt").isMissingNode();
        });

        browser.open("/trace/l/" + orderId + "/" + peanuts);

        long net = Long.parseLong(browser.find("#line-net").getAttribute("data-fen"));
        List<WebElement> parts = browser.driver.findElements(By.cssSelector("#allocations .share-amount"));
        assertThat(parts).isNotEmpty();
        long shown = parts.stream().mapToLong(part -> Long.parseLong(part.getAttribute("data-fen"))).sum();
        assertThat(shown).isEqualTo(net);
        assertThat(Long.parseLong(browser.find("#allocations-total").getAttribute("data-fen"))).isEqualTo(net);
        assertThat(net).isEqualTo(2 * (1990 - 300));
        assertThat(browser.find("#line-net").getText()).isEqualTo("¥33.80");
        assertThat(browser.find("#certificate-state").getText()).isEqualTo("扶贫产品认定有效");
        browser.look("trace-line");

        browser.open("/trace/p/" + peanuts);
        browser.look("trace-product");
        signIn("consumer2");
        browser.open("/account/impact");
        browser.look("impact");
        assertThat(browser.find("#impact-households").getText()).startsWith("¥");
    }

    @Test
    void checkoutShowsTheRefusalNextToTheFieldItConcerns() {
        String product = Listings.listProduct(platform, "表单测试小米", "MILLET", 20, 1500, 0);
        signIn("consumer2");
        addToCart(product);
        browser.open("/checkout");
        browser.find("#name").sendKeys("王芳");
        browser.find("#mobile").sendKeys("12345");
        browser.find("#address").sendKeys("黑龙江省哈尔滨市双城区");
        long before = stockOf(product);

        browser.find("#place-order").click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("mobile-error")));
        assertThat(browser.find("#mobile").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#mobile").getAttribute("aria-describedby")).isEqualTo("mobile-error");
        assertThat(browser.driver.findElements(By.id("name-error"))).isEmpty();
        assertThat(browser.find("#address").getAttribute("value")).isEqualTo("黑龙江省哈尔滨市双城区");
        browser.look("checkout-refused");
        assertThat(stockOf(product)).isEqualTo(before);
    }

    @Test
    void speaksEnglishWhenAskedAndRemembersIt() {
        browser.open("/?lang=en");
        assertThat(browser.find("header nav").getText()).contains("Cart", "中文");
        browser.open("/cart");
        assertThat(browser.find("h1").getText()).isEqualTo("Cart");

        browser.open("/cart?lang=zh-CN");
        assertThat(browser.find("h1").getText()).isEqualTo("购物车");
    }
}
