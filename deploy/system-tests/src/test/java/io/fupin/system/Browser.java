package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with a fresh profile, pointed at the
 * gateway; screenshots and accessibility reports go to {@code target/browser}.
 */
final class Browser implements AutoCloseable {

    static final Dimension PHONE = new Dimension(375, 812);
    static final Dimension DESK = new Dimension(1280, 900);

    final ChromeDriver driver;
    private final String base = System.getProperty("gateway.url", "http://localhost:8080");
    private final Path artifacts = Path.of(System.getProperty("browser.artifacts", "target/browser"));
    private final Path profile;

    Browser(Dimension size) {
        System.setProperty("webdriver.chrome.driver",
                System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        try {
            profile = Files.createTempDirectory("fupin-chromium-");
            Files.createDirectories(artifacts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + profile);
        driver = new ChromeDriver(options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        resize(size);
    }

    /** The element the CSS selector names; fails the test when there is none. */
    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Replaces what a field holds with {@code value}, as a user clearing it and typing does. */
    void type(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
    }

    /**
     * The viewport (not the window) gets the size asked for, so 375 means a 375-px-wide page. The window's frame is
     * measured against the window's size as it is now: right after a resize (or a full-page screenshot) the page may
     * still report the size before it, so this measures again, for up to 15 s on a busy machine, until the viewport
     * fits.
     */
    void resize(Dimension viewport) {
        driver.manage().window().setSize(viewport);
        try {
            await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> fits(viewport));
        } catch (ConditionTimeoutException notYet) {
            throw new IllegalStateException("the viewport did not become " + viewport + " but "
                    + js("return window.innerWidth + 'x' + window.innerHeight"), notYet);
        }
    }

    /** Whether the viewport has the size; if not, sets the window to what should give it. */
    private boolean fits(Dimension viewport) {
        Dimension window = driver.manage().window().getSize();
        long innerWidth = ((Number) js("return window.innerWidth")).longValue();
        long innerHeight = ((Number) js("return window.innerHeight")).longValue();
        if (innerWidth == viewport.width && innerHeight == viewport.height) {
            return true;
        }
        int width = (int) (window.width + viewport.width - innerWidth);
        int height = (int) (window.height + viewport.height - innerHeight);
        if (width >= viewport.width && height >= viewport.height) {
            driver.manage().window().setSize(new Dimension(width, height));
        } else {
            driver.manage().window().setSize(viewport);
        }
        return false;
    }

    /**
     * A fresh session (no cart, nobody signed in), then the login form, as a person would fill it in, for a page
     * that needs a signed-in user; answers once the browser is back on that page. {@code onTheLoginPage} runs
     * while the form is shown (e.g. to look at it).
     */
    void signIn(String user, String page, Runnable onTheLoginPage) {
        driver.manage().deleteAllCookies();
        open(page);
        waiting().until(ExpectedConditions.urlContains("/login"));
        onTheLoginPage.run();
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(Platform.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.urlContains(page));
    }

    void open(String path) {
        driver.get(base + path);
    }

    String url(String path) {
        return base + path;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Nothing on the page is wider than the viewport: no sideways scrolling on a phone. */
    void assertNoHorizontalScroll() {
        long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
        long innerWidth = ((Number) js("return window.innerWidth")).longValue();
        assertThat(scrollWidth).as("page width at %s on %s", innerWidth, driver.getCurrentUrl())
                .isLessThanOrEqualTo(innerWidth);
    }

    /** axe-core in the page: no serious or critical violation of WCAG 2.1 A/AA. */
    void assertAccessible(String name) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        try {
            Files.writeString(artifacts.resolve("axe-" + name + ".txt"), results.getViolations().stream()
                    .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " "
                            + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                    .reduce("", (a, b) -> a + b + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(bad).as("serious or critical accessibility violations on %s: %s", name,
                bad.stream().map(rule -> rule.getId() + " " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).toList()).toList()).isEmpty();
    }

    /** A full-page screenshot, {@code target/browser/<name>.png}: the window grows to the page's height for it. */
    Path screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        long pageHeight = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        long innerHeight = ((Number) js("return window.innerHeight")).longValue();
        try {
            driver.manage().window().setSize(new Dimension(before.width,
                    (int) Math.min(6000, before.height + Math.max(0, pageHeight - innerHeight))));
            Path file = artifacts.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /**
     * One main page looked at as a person would: no sideways scrolling at the phone's width, no serious or critical
     * accessibility violation, and a full-page screenshot at the phone's and at the desk's width
     * ({@code target/browser/<name>-phone.png}, {@code <name>-desk.png}). The window is phone-sized again after.
     */
    void look(String name) {
        resize(PHONE);
        assertNoHorizontalScroll();
        assertAccessible(name);
        screenshot(name + "-phone");
        resize(DESK);
        screenshot(name + "-desk");
        resize(PHONE);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary profile harms nothing.
        }
    }
}
