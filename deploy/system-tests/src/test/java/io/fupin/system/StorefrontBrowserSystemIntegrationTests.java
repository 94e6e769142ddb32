package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.system.Platform.Reply;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The storefront in a real browser (headless Chromium through Selenium), through the gateway of the stack that
 * {@code deploy/local/fupin up} started, at a phone's width unless a test says otherwise.
 */
class StorefrontBrowserSystemIntegrationTests {

    static final Platform platform = new Platform();
    static Browser browser;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser(Browser.PHONE);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String text() {
        return browser.driver.findElement(By.tagName("body")).getText();
    }

    private static WebElement find(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    /** A fresh session (no cart, nobody signed in), then the login form, as a person would fill it in. */
    private static void signIn(String user) {
        browser.driver.manage().deleteAllCookies();
        browser.open("/account/orders");
        browser.waiting().until(ExpectedConditions.urlContains("/login"));
        find("#username").sendKeys(user);
        find("#password").sendKeys(Platform.PASSWORD);
        find("#login-submit").click();
        browser.waiting().until(ExpectedConditions.urlContains("/account/orders"));
    }

    private static void search(String words) {
        WebElement box = find("#q");
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
        signIn("consumer");

        assertThat(find("h1").getText()).isEqualTo("我的订单");
        assertThat(find("header nav").getText()).contains("退出");
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
    void aRevokedCertificateShowsAtOnceOnItsTracePage() {
        String product = Listings.listProduct(platform, "撤销测试鹅蛋", "EGGS", 10, 3000, 0);
        browser.open("/trace/p/" + product);
        assertThat(find("#certificate-state").getText()).isEqualTo("扶贫产品认定有效");

        Reply revoked = platform.post("official", "/api/catalog/products/" + product + "/revoke",
                Map.of("reason", "抽检不合格"), Map.of());
        assertThat(revoked.status()).as(revoked.raw().body()).isEqualTo(200);

        browser.open("/trace/p/" + product);
        assertThat(find("#certificate-state").getText()).contains("已被撤销");
        assertThat(text()).contains("抽检不合格");
    }
}
