package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.system.Platform.Reply;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The settlement clerk's job in a real browser through the gateway of the stack that {@code deploy/local/fupin up}
 * started: a clerk closes the period, cannot approve the batch herself, a second clerk approves it seeing masked
 * accounts, the payout file downloads with the control total of the batch's lines, the batch is marked paid with
 * one line the bank returned (uploaded as CSV), and that line's amount is back on the household's payable balance
 * in its statement. Each page looked at (phone and desk screenshots, the axe check).
 */
class ClerkConsoleBrowserSystemIntegrationTests extends BrowserSystemTest {

    /** A member of the demo's livestream audience that no other test buys as. */
    static final String BUYER = "buyer-4985";


    /**
     * Today's period closes once a day: when the walking skeleton's livestream closed and paid it before this test
     * ran ({@link SettlementDays}), this test takes the latest batch in the state it finds it and checks what is
     * left to check (the batch page, the file against the batch, the statements); otherwise it drives every step.
     */
    @Test
    void aClerkClosesThePeriodASecondClerkApprovesThePayoutFileAddsUpAndAReturnedLineIsBackOnTheBalance()
            throws IOException {
        LocalDate firstOpen = SettlementDays.firstOpenDay(platform);
        String batchId;
        if (firstOpen != null) {
            completedOrderOfPeanuts();
            browser.signIn("clerk", "/clerk/periods", () -> { });
            browser.look("clerk-periods-to-close");
            date("#firstDay", firstOpen);
            date("#lastDay", SettlementDays.today());
            browser.find("#close-period").click();
            browser.waiting().until(ExpectedConditions.urlMatches("/clerk/batches/[0-9a-f-]{36}"));
            batchId = browser.driver.getCurrentUrl().replaceAll(".*/clerk/batches/([0-9a-f-]{36}).*", "$1");
            assertThat(browser.find("#batch-status").getText()).isEqualTo("待审核");
            assertThat(browser.find("#identity").getText()).startsWith("收支平衡");

            // The maker cannot check her own batch.
            browser.find("#approve").click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("batch-refused")));
            assertThat(browser.find("#batch-refused").getText()).isNotBlank();
            assertThat(status(batchId)).isEqualTo("CLOSED");
        } else {
            batchId = SettlementDays.latestPeriod(platform).get("batchId").asString();
        }
        JsonNode batch = SettlementDays.batch(platform, batchId);
        assertThat(batch.get("lines")).isNotEmpty();

        browser.signIn("clerk2", "/clerk/batches/" + batchId, () -> { });
        String pageAsApproverSawIt = browser.driver.getPageSource();
        // Where each line's money goes, masked: the bank and the first and last four digits only.
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("tr.batch-line"));
        assertThat(rows).hasSize(batch.get("lines").size());
        for (WebElement row : rows) {
            assertThat(row.getText()).containsPattern("\\d{4}\\*+\\d{4}");
        }
        if (batch.get("status").asString().equals("CLOSED")) {
            browser.look("clerk-batch-to-approve");
            browser.find("#approve").click();
            browser.waiting().until(ExpectedConditions.textToBe(By.id("batch-status"), "已审核"));
        }

        // The payout file as the browser downloads it, against the batch: every row, the control line, the total.
        WebElement control = browser.find("#control-total");
        String file = fetched(browser.find("#payout-file").getAttribute("href"));
        List<CSVRecord> records = CSVFormat.RFC4180.builder().get().parse(new StringReader(file)).getRecords();
        assertThat(records.getFirst().get(0)).isEqualTo("household_id");
        CSVRecord controlLine = records.getLast();
        List<CSVRecord> payees = records.subList(1, records.size() - 1);
        Map<String, Long> lineFen = new HashMap<>();
        Map<String, String> registration = new HashMap<>();
        long rowsFen = 0;
        for (CSVRecord payee : payees) {
            long fen = fen(payee.get(5));
            rowsFen += fen;
            lineFen.put(payee.get(0), fen);
            registration.put(payee.get(0), payee.get(1));
            // The full account number is in the file only, never in the page the approver saw.
            assertThat(pageAsApproverSawIt).doesNotContain(payee.get(4));
        }
        long batchFen = 0;
        for (JsonNode line : batch.get("lines")) {
            batchFen += line.get("amountFen").asLong();
            assertThat(lineFen.get(line.get("householdId").asString())).as(line.toString())
                    .isEqualTo(line.get("amountFen").asLong());
        }
        assertThat(controlLine.get(0)).isEqualTo("CONTROL");
        assertThat(Integer.parseInt(controlLine.get(1))).isEqualTo(payees.size()).isEqualTo(batch.get("lines").size());
        assertThat(fen(controlLine.get(5))).isEqualTo(rowsFen).isEqualTo(batchFen).isEqualTo(batch.get("totalFen").asLong());
        assertThat(Long.parseLong(control.getAttribute("data-fen"))).isEqualTo(batchFen);
        assertThat(controlLine.get(6)).isEqualTo(batch.get("reference").asString());

        browser.open("/clerk/batches/" + batchId);
        if (status(batchId).equals("APPROVED")) {
            JsonNode returnedLine = batch.get("lines").get(0);
            String household = returnedLine.get("householdId").asString();
            long returnedFen = returnedLine.get("amountFen").asLong();
            long payableBefore = statement(household).get("payableFen").asLong();
            browser.look("clerk-batch-to-pay");

            // The bank's returned lines as its file names them: here by registration number.
            Path returned = Files.createTempFile("returned-", ".csv");
            try {
                Files.writeString(returned, "household_id,registration_number\n," + registration.get(household) + "\n");
                browser.find("#returnedFile").sendKeys(returned.toAbsolutePath().toString());
                browser.find("#bankReference").sendKeys("RCC-" + batch.get("reference").asString());
                browser.find("#mark-paid").click();
                browser.waiting().until(ExpectedConditions.textToBe(By.id("batch-status"), "已付款"));
            } finally {
                Files.deleteIfExists(returned);
            }
            JsonNode paid = SettlementDays.batch(platform, batchId);
            for (JsonNode line : paid.get("lines")) {
                assertThat(line.get("status").asString()).as(line.toString())
                        .isEqualTo(line.get("householdId").asString().equals(household) ? "FAILED" : "PAID");
            }
            assertThat(browser.driver.findElement(By.cssSelector("tr.batch-line[data-household='" + household + "']"))
                    .getAttribute("data-status")).isEqualTo("FAILED");

            browser.open("/clerk/households/" + household);
            assertThat(Long.parseLong(browser.find("#payable").getAttribute("data-fen"))).isEqualTo(payableBefore + returnedFen);
            assertThat(browser.find("#payable").getText()).isEqualTo(yuan(payableBefore + returnedFen));
            browser.look("clerk-statement-returned");
        }
        browser.open("/clerk/batches/" + batchId);
        assertThat(browser.find("#batch-status").getText()).isEqualTo("已付款");
        browser.look("clerk-batch-paid");
    }

    /** A household of 翠小妹花生 found by its village, then by its registration number; its statement and CSV. */
    @Test
    void aClerkFindsAHouseholdsStatementByVillageAndRegistrationNumber() {
        Reply linkage = platform.get("clerk", "/api/households/products/" + peanuts() + "/linkage");
        assertThat(linkage.status()).as(linkage.raw().body()).isEqualTo(200);
        String household = linkage.body().get("shares").get(0).get("householdId").asString();
        JsonNode registered = platform.get("clerk", "/api/households/" + household).body();
        String number = registered.get("registrationNumber").asString();

        browser.signIn("clerk", "/clerk/households", () -> { });
        new Select(browser.find("#village")).selectByValue(registered.get("villageId").asString());
        browser.find("#find-households").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("households")));
        assertThat(browser.driver.findElements(By.cssSelector("#households tr.household")))
                .anySatisfy(row -> assertThat(row.getText()).contains(number));
        browser.look("clerk-households");

        WebElement villageResults = browser.find("#households");
        browser.find("#household").sendKeys(number);
        browser.find("#find-households").click();
        browser.waiting().until(ExpectedConditions.stalenessOf(villageResults));
        List<WebElement> byNumber = browser.driver.findElements(By.cssSelector("#households tr.household"));
        assertThat(byNumber).hasSize(1);
        byNumber.getFirst().findElement(By.tagName("a")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/clerk/households/" + household));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("payable")));

        JsonNode statement = statement(household);
        assertThat(Long.parseLong(browser.find("#payable").getAttribute("data-fen"))).isEqualTo(statement.get("payableFen").asLong());
        assertThat(Long.parseLong(browser.find("#paid-out").getAttribute("data-fen"))).isEqualTo(statement.get("paidOutFen").asLong());
        String csv = fetched(browser.url("/clerk/households/" + household + "/statement.csv"));
        // a header, one row per entry, the balance
        assertThat(csv.lines().count()).isEqualTo(2 + statement.get("entries").size());
        browser.look("clerk-statement");
    }

    /**
     * A product listed with no linkage is bought: its net goes to suspense. A linkage declared afterwards starts
     * after the payment, so it never applies by itself: the clerk records a follow-up to the seller, then allocates
     * the line to that version on the suspense page. The net leaves suspense for the version's households, to the
     * fen in their statements; the households owing back after a clawback are the page's as the API lists them.
     */
    @Test
    void aClerkFollowsUpALineInSuspenseAndAllocatesItToTheVersionDeclaredSince() {
        String product = Listings.listProduct(platform, "挂账测试小米 " + UUID.randomUUID().toString().substring(0, 6),
                "MILLET", 10, 2_600, 200);
        String order = platform.placeAndPay(BUYER, product, 2);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> suspenseLine(order) != null);
        long netFen = suspenseLine(order).get("netFen").asLong();
        assertThat(netFen).isEqualTo(2 * (2_600 - 200));
        String key = order + "-0";

        browser.signIn("clerk", "/clerk/suspense", () -> { });
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("suspense-" + key)));
        assertThat(browser.find("#suspense-" + key).getAttribute("data-fen")).isEqualTo(String.valueOf(netFen));
        browser.type("#note-" + key, "已电话联系合作社，请申报这批小米的利益联结");
        browser.find("#follow-up-" + key).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("suspense-done")));
        JsonNode followUp = null;
        for (JsonNode f : platform.get("clerk", "/api/settlements/suspense/follow-ups?size=1000").body().get("items")) {
            if (f.get("orderId").asString().equals(order)) {
                followUp = f;
            }
        }
        assertThat(followUp).as("the follow-up recorded").isNotNull();
        assertThat(followUp.get("askedBy").asString()).isEqualTo("clerk");
        assertThat(followUp.get("resolved").asBoolean()).isFalse();

        // The seller's (here an official's) declaration, after the payment: two households of 翠小妹花生, 2 : 1.
        JsonNode peanutShares = platform.get("clerk", "/api/households/products/" + peanuts() + "/linkage").body().get("shares");
        String first = peanutShares.get(0).get("householdId").asString();
        String second = peanutShares.get(1).get("householdId").asString();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> platform.post("official",
                "/api/households/products/" + product + "/linkage/versions", Map.of("lotName", "挂账测试批次",
                        "shares", List.of(Map.of("householdId", first, "shares", 2), Map.of("householdId", second, "shares", 1))),
                Map.of()).status() == 201);

        // settlement hears of the version through Kafka; until then the page's allocation is refused, nothing written.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            // a fresh load each time: the page is already at /clerk/suspense#suspense-<key>, and opening that
            // same address again would only move to its anchor
            browser.open("/clerk/suspense?at=" + System.nanoTime() + "#suspense-" + key);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("allocate-" + key)));
            browser.find("#allocate-" + key).click();
            browser.waiting().until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("suspense-done")),
                    ExpectedConditions.presenceOfElementLocated(By.id("suspense-refused"))));
            return browser.driver.findElements(By.id("suspense-done")).size() == 1;
        });
        assertThat(browser.driver.findElements(By.id("suspense-" + key))).as("gone from suspense").isEmpty();
        assertThat(suspenseLine(order)).isNull();
        browser.look("clerk-suspense");

        // The net reached the two households, 2 : 1 to the fen, held until the order completes: their statements.
        long firstPart = partOf(first, order);
        long secondPart = partOf(second, order);
        assertThat(firstPart + secondPart).isEqualTo(netFen);
        assertThat(firstPart).isEqualTo(2 * secondPart);
        browser.open("/clerk/households/" + first);
        assertThat(Long.parseLong(browser.find("#held").getAttribute("data-fen")))
                .isEqualTo(statement(first).get("heldFen").asLong());
        JsonNode balances = platform.get("clerk", "/api/settlements/ledger/balances").body();
        long sum = 0;
        for (JsonNode balance : balances) {
            sum += balance.asLong();
        }
        assertThat(sum).as("the trial balance: " + balances).isZero();

        // What households owe back after a clawback, as the page shows it: the API's households, to the fen.
        browser.open("/clerk/suspense");
        JsonNode owed = platform.get("clerk", "/api/settlements/owed?size=200").body().get("items");
        List<WebElement> owing = browser.driver.findElements(By.cssSelector("li.owed"));
        assertThat(owing).hasSize(owed.size());
        if (owed.isEmpty()) {
            assertThat(browser.find("#no-owed").getText()).isNotBlank();
        }
        for (JsonNode household : owed) {
            assertThat(browser.find("#owed-" + household.get("householdId").asString()).getAttribute("data-fen"))
                    .isEqualTo(String.valueOf(household.get("owedFen").asLong()));
        }
    }

    /** What the order's entries in a household's statement brought it (positive: owed to it). */
    private static long partOf(String household, String order) {
        long part = 0;
        for (JsonNode entry : statement(household).get("entries")) {
            if (order.equals(entry.path("orderId").asString(""))) {
                part += entry.get("amountFen").asLong();
            }
        }
        return part;
    }

    /** A line in suspense as the API lists it, or null. */
    private static JsonNode suspenseLine(String order) {
        Reply suspense = platform.get("clerk", "/api/settlements/suspense?size=1000");
        assertThat(suspense.status()).as(suspense.raw().body()).isEqualTo(200);
        for (JsonNode line : suspense.body().get("items")) {
            if (line.get("orderId").asString().equals(order)) {
                return line;
            }
        }
        return null;
    }

    /**
     * A link's file as the signed-in browser gets it: fetched in the page with its session (a download would land on
     * disk where the test cannot wait for it); a failed fetch answers its error instead of running into the timeout.
     */
    private static String fetched(String url) {
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        String body = (String) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => r.ok ? r.text() : 'HTTP ' + r.status).then(done, e => done('FAILED ' + e));",
                url);
        assertThat(body).as(url).doesNotStartWith("HTTP ").doesNotStartWith("FAILED ");
        return body;
    }

    /** Date inputs take their value in ISO form whatever the browser's language shows. */
    private static void date(String css, LocalDate day) {
        browser.js("arguments[0].value = arguments[1]", browser.find(css), day.toString());
    }

    private static String status(String batchId) {
        return SettlementDays.batch(platform, batchId).get("status").asString();
    }

    private static JsonNode statement(String household) {
        Reply statement = platform.get("clerk", "/api/settlements/households/" + household + "/statement");
        assertThat(statement.status()).as(statement.raw().body()).isEqualTo(200);
        return statement.body();
    }

    /** "123.45" (the payout file's yuan, exactly two decimals) as fen, with integer arithmetic. */
    private static long fen(String yuan) {
        assertThat(yuan).matches("\\d+\\.\\d{2}");
        return Long.parseLong(yuan.replace(".", ""));
    }

    private static String yuan(long fen) {
        return "¥%d.%02d".formatted(fen / 100, fen % 100);
    }

    /**
     * Money for the period: a bag of 翠小妹花生 bought, shipped, delivered and completed (locally the refund window
     * is 20 s and the sweep runs every 5 s), so its households' parts are payable when the period closes.
     */
    private static void completedOrderOfPeanuts() {
        String orderId = platform.placeAndPay(BUYER, peanuts(), 2);
        Reply shipped = platform.post("seller-cuicui", "/api/orders/" + orderId + "/shipments",
                Map.of("trackingNumber", "SF" + Math.abs(orderId.hashCode())), Map.of());
        assertThat(shipped.status()).as(shipped.raw().body()).isEqualTo(200);
        Reply delivered = platform.post(BUYER, "/api/orders/" + orderId + "/delivery", null, Map.of());
        assertThat(delivered.status()).as(delivered.raw().body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() ->
                "COMPLETED".equals(platform.get("clerk", "/api/settlements/orders/" + orderId).body()
                        .path("status").asString("")));
    }

    private static String peanuts() {
        String sellerId = platform.sellerIdOf("seller-cuicui");
        Reply found = platform.get(null, "/api/catalog/products?size=50&q="
                + URLEncoder.encode("翠小妹花生", StandardCharsets.UTF_8));
        assertThat(found.status()).as(found.raw().body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : found.body().get("items")) {
            if (item.get("name").asString().equals("翠小妹花生") && item.get("sellerId").asString().equals(sellerId)) {
                ids.add(item.get("id").asString());
            }
        }
        assertThat(ids).as(found.raw().body()).isNotEmpty();
        return ids.getFirst();
    }
}
