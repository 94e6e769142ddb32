package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.system.Platform.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The official's household import (dry run line by line, then the import), the presale households without
 * subscribers, seller applications from a consumer's form to the official's decision, and the administrator's
 * users and roles, in a real browser through the gateway of the stack that {@code deploy/local/fupin up} started:
 * each page looked at (phone and desk screenshots, the axe check).
 */
class OfficialConsoleBrowserSystemIntegrationTests extends BrowserSystemTest {

    private static int random(int from, int to) {
        return ThreadLocalRandom.current().nextInt(from, to);
    }

    /** An identity number with a valid GB 11643 check character and birth date, unlikely to be registered. */
    private static String identityNumber() {
        String body = "230126" + random(1950, 2000) + String.format("%02d%02d", random(1, 13), random(1, 29))
                + String.format("%03d", random(0, 1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A unified social credit code (GB 32100) with its check character. */
    private static String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder code = new StringBuilder("93230113");
        for (int i = 0; i < 9; i++) {
            code.append(alphabet.charAt(random(0, alphabet.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(code.charAt(i)) * weights[i];
        }
        return code.append(alphabet.charAt((31 - sum % 31) % 31)).toString();
    }

    /** The first village of the register and its town's name, as the import names them. */
    private static String[] aVillage() {
        JsonNode places = platform.get("official", "/api/households/places?size=1000").body().get("items");
        Map<String, String> towns = new java.util.HashMap<>();
        for (JsonNode place : places) {
            if ("TOWN".equals(place.get("kind").asString())) {
                towns.put(place.get("id").asString(), place.get("name").asString());
            }
        }
        for (JsonNode place : places) {
            if ("VILLAGE".equals(place.get("kind").asString())) {
                return new String[] {towns.get(place.get("parentId").asString()), place.get("name").asString(),
                        place.get("id").asString()};
            }
        }
        throw new IllegalStateException("no village registered");
    }

    private static Path csv(List<String> rows) throws IOException {
        Path file = Files.createTempFile("households-", ".csv");
        Files.writeString(file, "户编号,户主姓名,身份证号,手机号,家庭人口,类别,乡镇,村,增收项目,开户行,账号\n"
                + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String row(String registration, String head, String identity, String[] village) {
        return String.join(",", registration, head, identity, "138" + random(10_000_000, 99_999_999), "3", "建档立卡贫困户",
                village[0], village[1], "GOOSE;CHICKEN", "双城区农村信用合作联社", "6229" + random(100_000_000, 999_999_999) + "012");
    }

    @Test
    void anOfficialChecksAHouseholdFileLineByLineAndImportsOnlyAFileWithoutErrors() throws IOException {
        String[] village = aVillage();
        String prefix = "BT-" + random(100_000, 999_999) + "-";
        String valid = identityNumber();
        String wrongCheckCharacter = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        Path bad = csv(List.of(row(prefix + "1", "王大成", identityNumber(), village),
                row(prefix + "2", "李春花", wrongCheckCharacter, village),
                row(prefix + "3", "张秀兰", identityNumber(), village).replace(village[1], "没有这个村")));
        Path good = csv(List.of(row(prefix + "1", "王大成", identityNumber(), village),
                row(prefix + "2", "李春花", identityNumber(), village)));
        try {
            browser.signIn("official", "/official/households/import", () -> { });
            browser.find("#file").sendKeys(bad.toAbsolutePath().toString());
            browser.find("#dry-run").click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-lines")));
            assertThat(browser.find("#import-rows").getText()).isEqualTo("3");
            assertThat(browser.find("#import-valid").getText()).isEqualTo("1");
            assertThat(browser.driver.findElements(By.cssSelector("#import-lines tr[data-line='3']"))).isNotEmpty();
            assertThat(browser.driver.findElements(By.cssSelector("#import-lines tr[data-line='4']"))).isNotEmpty();
            assertThat(browser.driver.findElements(By.cssSelector("#import-lines tr[data-line='2']"))).isEmpty();
            assertThat(browser.find("#import-lines").getText()).contains("身份证号", "村");
            assertThat(browser.driver.findElements(By.id("import"))).as("no import of a file with errors").isEmpty();
            browser.look("official-import-report");

            browser.find("#file").sendKeys(good.toAbsolutePath().toString());
            browser.find("#dry-run").click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-clean")));
            Reply before = platform.get("official", "/api/households?placeId=" + village[2] + "&size=1000");
            assertThat(before.body().toString()).doesNotContain(prefix);
            browser.find("#import").click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
            assertThat(browser.find("#import-done").getText()).contains("2");
            browser.look("official-import");
        } finally {
            Files.deleteIfExists(bad);
            Files.deleteIfExists(good);
        }
        Reply after = platform.get("official", "/api/households?placeId=" + village[2] + "&size=1000");
        assertThat(after.body().toString()).contains(prefix + "1", prefix + "2").doesNotContain(prefix + "3");
    }

    @Test
    void anOfficialSeesThePresaleHouseholdsWithoutSubscribersAsHouseholdServiceCountsThem() {
        Reply api = platform.get("official", "/api/households/presale/without-subscribers?size=200");
        assertThat(api.status()).as(api.raw().body()).isEqualTo(200);
        int households = 0;
        for (JsonNode village : api.body().get("items")) {
            households += village.get("households").size();
        }

        browser.signIn("official", "/official/presale", () -> { });

        if (households == 0) {
            assertThat(browser.find("#no-presale-gaps").isDisplayed()).isTrue();
        } else {
            assertThat(browser.find("#presale-count").getText()).startsWith(households + " ");
            assertThat(browser.driver.findElements(By.cssSelector("tr.presale-household th[scope='row']")))
                    .hasSize(households);
        }
        browser.look("official-presale");
    }

    @Test
    void aConsumerAppliesToSellAnOfficialRejectsThenApprovesAndTheSellerIsRegistered() {
        String consumer = "buyer-" + random(1, 5001);
        String name = "兴功村鹅业合作社" + random(1000, 9999);
        String code = creditCode();
        browser.signIn(consumer, "/account/seller-application", () -> { });
        browser.type("#name", name);
        new Select(browser.find("#kind")).selectByValue("COOPERATIVE");
        browser.type("#creditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        browser.type("#town", "新兴镇");
        browser.type("#village", "兴功村");
        browser.type("#contactName", "李建国");
        browser.type("#contactPhone", "13900139000");
        browser.type("#documents", "营业执照 双城区市场监管局档案 2026-118\n合作社章程（纸质件已交镇扶贫站）");
        browser.find("#apply").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("creditCode-error")));
        assertThat(browser.find("#creditCode").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#name").getAttribute("value")).isEqualTo(name);
        browser.look("seller-application-refused");

        browser.type("#creditCode", code);
        browser.find("#apply").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("applied")));
        assertThat(browser.find("#apply-waiting").isDisplayed()).isTrue();
        browser.look("seller-application");

        browser.signIn("official", "/official/seller-applications", () -> { });
        String id = applicationIdOf(name);
        browser.look("official-seller-applications");
        browser.type("#reason-" + id, "请补充营业执照编号");
        browser.find("#application-" + id + " form.decision button").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("official-done")));
        assertThat(browser.driver.findElements(By.id("application-" + id))).isEmpty();

        browser.signIn(consumer, "/account/seller-application", () -> { });
        assertThat(browser.find("#application-" + id).getText()).contains("已驳回", "请补充营业执照编号");
        assertNotASeller();
        browser.open("/account/seller-application");
        browser.find("#apply").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("name-error")));
        browser.type("#name", name);
        browser.type("#creditCode", code);
        browser.type("#town", "新兴镇");
        browser.type("#village", "兴功村");
        browser.type("#contactName", "李建国");
        browser.type("#contactPhone", "13900139000");
        browser.type("#documents", "营业执照 双城区市场监管局档案 2026-118");
        browser.find("#apply").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("applied")));
        assertNotASeller();

        browser.signIn("official", "/official/seller-applications", () -> { });
        String second = applicationIdOf(name);
        browser.find("#application-" + second + " form.inline button").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("official-done")));

        browser.signIn(consumer, "/account/seller-application", () -> { });
        String approved = browser.find("#application-" + second).getText();
        assertThat(approved).contains("已批准");
        String sellerId = approved.replaceAll("(?s).*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}).*", "$1");
        Reply seller = platform.get("official", "/api/catalog/sellers/" + sellerId);
        assertThat(seller.status()).as(seller.raw().body()).isEqualTo(200);
        assertThat(seller.body().get("name").asString()).isEqualTo(name);
        assertThat(seller.body().get("creditCode").asString()).isEqualTo(code);

        // signed in again, the applicant acts for its seller: the seller console opens and it lists a product
        browser.signIn(consumer, "/seller/products", () -> { });
        assertThat(browser.find("h1").getText()).isNotEqualTo("无权访问");
        browser.find(".console-nav a[href='/seller/products/new']").click();
        browser.waiting().until(ExpectedConditions.urlContains("/seller/products/new"));
        String goose = "兴功村鹅蛋" + random(1000, 9999);
        browser.type("#name", goose);
        new Select(browser.find("#category")).selectByValue("EGGS");
        browser.type("#unit", "盒");
        browser.type("#price", "39.90");
        browser.type("#cost", "3.00");
        browser.type("#costReason", "包装与物流");
        browser.type("#stock", "50");
        browser.find("#list-product").click();
        browser.waiting().until(ExpectedConditions.urlMatches("/seller/products/[0-9a-f-]{36}"));
        String product = browser.driver.getCurrentUrl().replaceAll(".*/seller/products/([0-9a-f-]{36}).*", "$1");
        Reply listed = platform.get("official", "/api/catalog/products/" + product);
        assertThat(listed.status()).as(listed.raw().body()).isEqualTo(200);
        assertThat(listed.body().get("sellerId").asString()).isEqualTo(sellerId);
        assertThat(listed.body().get("name").asString()).isEqualTo(goose);

        // its details and presale terms changed on the product's page
        java.time.LocalDate delivery = java.time.LocalDate.now().plusMonths(3);
        browser.type("#description", "兴功村林下散养鹅所产，每盒 6 枚");
        browser.js("arguments[0].value = arguments[1]", browser.find("#presaleDeliveryDate"), delivery.toString());
        browser.type("#presaleCapacity", "300");
        browser.find("#save-details").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("product-presale")));
        Reply described = platform.get("official", "/api/catalog/products/" + product);
        assertThat(described.body().get("description").asString()).isEqualTo("兴功村林下散养鹅所产，每盒 6 枚");
        assertThat(described.body().get("presale").get("deliveryDate").asString()).isEqualTo(delivery.toString());
        assertThat(described.body().get("presale").get("capacity").asInt()).isEqualTo(300);
        browser.look("seller-product-details");
    }

    /** The applicant signed in now, its application waiting or rejected: no seller console, not even by its address. */
    private static void assertNotASeller() {
        browser.open("/seller/products");
        assertThat(browser.find("h1").getText()).isEqualTo("无权访问");
        browser.open("/seller/products/new");
        assertThat(browser.find("h1").getText()).isEqualTo("无权访问");
    }

    private static String applicationIdOf(String name) {
        List<String> ids = new ArrayList<>();
        for (WebElement article : browser.driver.findElements(By.cssSelector("article[id^='application-']"))) {
            if (article.findElement(By.tagName("h2")).getText().equals(name)) {
                ids.add(article.getAttribute("id").substring("application-".length()));
            }
        }
        assertThat(ids).as("the application of %s in the queue", name).hasSize(1);
        return ids.getFirst();
    }

    @Test
    void anAdministratorSeesTheUsersWithTheirRolesAndSellers() {
        browser.signIn("admin", "/admin/users", () -> { });

        assertThat(browser.find("#users tr[data-user='official']").getText()).contains("扶贫办");
        assertThat(browser.find("#users tr[data-user='seller']").getText()).contains("卖家", "岗子峪米业有限公司");
        assertThat(browser.find("#audience").getText()).contains("buyer-1", "buyer-5000");
        assertThat(browser.driver.getPageSource()).doesNotContain(Platform.PASSWORD);
        browser.look("admin-users");
    }
}
