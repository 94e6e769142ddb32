package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A service that is down takes only its own part of a page with it: in a real browser, through the gateway, with
 * household-service killed (and started again afterwards).
 */
class ServiceDownBrowserSystemIntegrationTests extends BrowserSystemTest {

    @Test
    void aProductPageSaysWhichPartIsUnavailableAndShowsTheRest() {
        String product = Listings.listProduct(platform, "停机测试小米", "MILLET", 10, 2000, 200);
        Platform.cli("kill", "household-service");
        try {
            browser.open("/products/" + product);

            String page = browser.driver.findElement(By.tagName("body")).getText();
            assertThat(page).contains("停机测试小米", "¥20.00", "农户服务暂时不可用，请稍后再试。");
            assertThat(browser.driver.findElements(By.id("add-to-cart"))).hasSize(1);
            browser.look("service-down");
        } finally {
            Platform.cli("start", "household-service");
        }
    }
}
