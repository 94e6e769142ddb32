package io.fupin.system;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;

/**
 * A test class that drives a real browser through the gateway of the stack that {@code deploy/local/fupin up}
 * started: one headless Chromium at a phone's width for the class, opened before its first test and closed after
 * its last. Test classes run one after another, so the one browser field serves each in turn.
 */
abstract class BrowserSystemTest {

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
            browser = null;
        }
    }

    /** The text of the page as a reader sees it. */
    static String text() {
        return browser.driver.findElement(By.tagName("body")).getText();
    }

    /** A name no earlier run of the suite on the same stack has used, for the things a test lists itself. */
    static String unique(String name) {
        return name + ThreadLocalRandom.current().nextInt(10_000, 100_000);
    }
}
