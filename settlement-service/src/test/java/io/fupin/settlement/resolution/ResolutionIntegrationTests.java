package io.fupin.settlement.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.settlement.IntegrationTest;
import io.fupin.settlement.TestEvents;
import io.fupin.settlement.TestEvents.Event;
import io.fupin.settlement.TestEvents.Line;
import io.fupin.settlement.TestEvents.Share;
import io.fupin.settlement.ledger.AccountType;
import io.fupin.settlement.ledger.Ledger;
import io.fupin.settlement.ledger.Posting;
import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A clerk's actions on a line in suspense (a follow-up to the seller, an allocation to a version declared since)
 * and on what a household owes back after a clawback (a write-off proposed by one clerk, approved by another):
 * each balanced, idempotent, refused with nothing written when it should be.
 */
@IntegrationTest
class ResolutionIntegrationTests {

    private static final Caller CLERK_A = Caller.of("clerk", null, "CLERK");
    private static final Caller CLERK_B = Caller.of("clerk2", null, "CLERK");
    private static final Caller ADMIN = Caller.of("admin", null, "ADMIN");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    SignedIdentity identity;
    @Autowired
    JsonMapper json;
    @Autowired
    PlatformTransactionManager transactions;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    record Reply(int status, String contentType, String text, JsonNode body) {
    }

    @Test
    void aLineInSuspenseIsFollowedUpThenAllocatedToAVersionDeclaredSinceOnce() {
        UUID hh1 = UUID.randomUUID();
        UUID hh2 = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID linkage = UUID.randomUUID();
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        apply(TestEvents.orderPaid(order, paidAt, List.of(new Line(product, seller, 2, 3000, 500))),
                // declared after the payment: never in force for it, so the line stays in suspense
                TestEvents.linkageVersioned(linkage, product, 1, paidAt.plus(Duration.ofMinutes(30)),
                        List.of(new Share(hh1, 1), new Share(hh2, 1))));
        assertThat(suspenseOf(order)).isEqualTo(5000);
        JsonNode listed = call(HttpMethod.GET, "/api/settlements/suspense?size=1000", CLERK_A, null).body();
        assertThat(listed.get("items").findValues("orderId").stream().map(JsonNode::asString)).contains(order.toString());

        String followUps = "/api/settlements/suspense/" + order + "/lines/0/follow-ups";
        assertThat(call(HttpMethod.POST, followUps, ADMIN, Map.of("note", "x")).status()).isEqualTo(403);
        assertInvalid(call(HttpMethod.POST, followUps, CLERK_A, Map.of("note", " ")), "note");
        assertThat(call(HttpMethod.POST, "/api/settlements/suspense/" + order + "/lines/7/follow-ups", CLERK_A,
                Map.of("note", "请申报")).status()).isEqualTo(404);
        Reply asked = call(HttpMethod.POST, followUps, CLERK_A, Map.of("note", "请合作社申报这批花生的利益联结"));
        assertThat(asked.status()).as(asked.text()).isEqualTo(201);
        assertThat(asked.body().get("sellerId").asString()).isEqualTo(seller.toString());
        assertThat(asked.body().get("resolved").asBoolean()).isFalse();
        Reply again = call(HttpMethod.POST, followUps, CLERK_A, Map.of("note", "请合作社申报这批花生的利益联结"));
        assertThat(again.body().get("followUpId")).isEqualTo(asked.body().get("followUpId"));
        assertThat(followUpCount(order)).isEqualTo(1);

        String allocation = "/api/settlements/suspense/" + order + "/lines/0/allocation";
        long entries = entries();
        assertInvalid(call(HttpMethod.POST, allocation, CLERK_A, Map.of("linkageId", linkage, "version", 2)), "linkageId");
        assertInvalid(call(HttpMethod.POST, allocation, CLERK_A, Map.of("linkageId", UUID.randomUUID(), "version", 1)),
                "linkageId");
        assertThat(call(HttpMethod.POST, allocation, ADMIN, Map.of("linkageId", linkage, "version", 1)).status())
                .isEqualTo(403);
        assertThat(entries()).as("refusals write nothing").isEqualTo(entries);
        assertThat(suspenseOf(order)).isEqualTo(5000);

        Reply allocated = call(HttpMethod.POST, allocation, CLERK_A, Map.of("linkageId", linkage, "version", 1));
        assertThat(allocated.status()).as(allocated.text()).isEqualTo(200);
        assertThat(allocated.body().get("allocatedNow").asBoolean()).isTrue();
        assertThat(allocated.body().get("netFen").asLong()).isEqualTo(5000);
        assertThat(suspenseOf(order)).isZero();
        assertThat(-ledger.balance(AccountType.HOUSEHOLD_HELD, hh1)).isEqualTo(2500);
        assertThat(-ledger.balance(AccountType.HOUSEHOLD_HELD, hh2)).isEqualTo(2500);
        assertThat(entries()).isEqualTo(entries + 1);

        Reply twice = call(HttpMethod.POST, allocation, CLERK_B, Map.of("linkageId", linkage, "version", 1));
        assertThat(twice.status()).as(twice.text()).isEqualTo(200);
        assertThat(twice.body().get("allocatedNow").asBoolean()).isFalse();
        assertThat(entries()).as("allocated once").isEqualTo(entries + 1);
        assertConflict(call(HttpMethod.POST, followUps, CLERK_B, Map.of("note", "还要吗")), "not-in-suspense");
        JsonNode mine = call(HttpMethod.GET, "/api/settlements/suspense/follow-ups?size=1000", ADMIN, null).body()
                .get("items").valueStream().filter(f -> f.get("orderId").asString().equals(order.toString()))
                .findFirst().orElseThrow();
        assertThat(mine.get("resolved").asBoolean()).isTrue();
        assertThat(mine.get("askedBy").asString()).isEqualTo("clerk");

        // The order completes afterwards: the allocated parts become payable like any other line's.
        apply(TestEvents.orderCompleted(order, Instant.now()));
        assertThat(-ledger.balance(AccountType.HOUSEHOLD_PAYABLE, hh1)).isEqualTo(2500);
        assertThat(ledger.balance(AccountType.HOUSEHOLD_HELD, hh1)).isZero();
        assertThat(ledger.totals().values().stream().mapToLong(Long::longValue).sum()).isZero();
    }

    @Test
    void whatAHouseholdOwesBackIsWrittenOffOnlyByASecondClerkAndOnce() {
        UUID hh = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(20));
        apply(TestEvents.householdRegistered(hh, "230113-7001", "赵一", "6228480000007001"),
                TestEvents.linkageVersioned(UUID.randomUUID(), product, 1, paidAt.minus(Duration.ofDays(1)),
                        List.of(new Share(hh, 1))),
                TestEvents.orderPaid(order, paidAt, List.of(new Line(product, seller, 1, 4000, 0))),
                TestEvents.orderCompleted(order, paidAt.plus(Duration.ofMinutes(1))));
        // Its payable went out with a batch before the refund came: the clawback leaves it owing.
        new TransactionTemplate(transactions).executeWithoutResult(s -> ledger.post(
                Posting.builder("test-paid-out:" + hh, "BATCH_PAID", paidAt.plus(Duration.ofMinutes(2)))
                        .debit(AccountType.HOUSEHOLD_PAYABLE, hh, 4000, null)
                        .credit(AccountType.HOUSEHOLD_PAID_OUT, hh, 4000, null).build()));
        apply(TestEvents.orderRefunded(order, paidAt.plus(Duration.ofMinutes(3)), List.of(new Line(product, seller, 1, 4000, 0))));
        assertThat(ledger.balance(AccountType.HOUSEHOLD_PAYABLE, hh)).as("owes back").isEqualTo(4000);

        JsonNode owing = owedOf(hh);
        assertThat(owing.get("owedFen").asLong()).isEqualTo(4000);
        assertThat(owing.get("registrationNumber").asString()).isEqualTo("230113-7001");

        String propose = "/api/settlements/owed/" + hh + "/write-offs";
        long entries = entries();
        assertInvalid(call(HttpMethod.POST, propose, CLERK_A, Map.of("amountFen", 4001, "note", "户已脱贫外迁")), "amountFen");
        assertInvalid(call(HttpMethod.POST, propose, CLERK_A, Map.of("amountFen", 0, "note", "x")), "amountFen");
        assertConflict(call(HttpMethod.POST, "/api/settlements/owed/" + UUID.randomUUID() + "/write-offs", CLERK_A,
                Map.of("amountFen", 1, "note", "x")), "nothing-owed");
        Reply proposed = call(HttpMethod.POST, propose, CLERK_A, Map.of("amountFen", 4000, "note", "户已外迁，无法追回"));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        assertThat(proposed.body().get("status").asString()).isEqualTo("PROPOSED");
        String writeOff = proposed.body().get("writeOffId").asString();
        assertThat(call(HttpMethod.POST, propose, CLERK_A, Map.of("amountFen", 4000, "note", "户已外迁，无法追回"))
                .body().get("writeOffId").asString()).as("the same form sent twice").isEqualTo(writeOff);
        assertConflict(call(HttpMethod.POST, propose, CLERK_B, Map.of("amountFen", 100, "note", "另一个")), "write-off-pending");
        assertThat(owedOf(hh).get("pendingWriteOff").get("writeOffId").asString()).isEqualTo(writeOff);

        String approval = "/api/settlements/write-offs/" + writeOff + "/approval";
        assertConflict(call(HttpMethod.POST, approval, CLERK_A, null), "own-approval");
        assertThat(call(HttpMethod.POST, approval, ADMIN, null).status()).isEqualTo(403);
        assertThat(entries()).as("nothing posted before approval").isEqualTo(entries);
        assertThat(ledger.balance(AccountType.HOUSEHOLD_PAYABLE, hh)).isEqualTo(4000);

        Reply approved = call(HttpMethod.POST, approval, CLERK_B, null);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.body().get("decidedBy").asString()).isEqualTo("clerk2");
        assertThat(ledger.balance(AccountType.HOUSEHOLD_PAYABLE, hh)).isZero();
        assertThat(entries()).isEqualTo(entries + 1);
        assertThat(call(HttpMethod.POST, approval, CLERK_B, null).status()).isEqualTo(200);
        assertThat(entries()).as("approved once").isEqualTo(entries + 1);
        assertConflict(call(HttpMethod.POST, "/api/settlements/write-offs/" + writeOff + "/rejection", CLERK_A, null),
                "write-off-decided");
        assertThat(owedOf(hh)).isNull();
        assertThat(ledger.totals().values().stream().mapToLong(Long::longValue).sum()).isZero();

        JsonNode statement = call(HttpMethod.GET, "/api/settlements/households/" + hh + "/statement", CLERK_A, null).body();
        assertThat(statement.get("payableFen").asLong()).isZero();
        assertThat(statement.get("entries").findValues("kind").stream().map(JsonNode::asString)).contains("WRITTEN_OFF");

        // The live report still adds up: the write-off is named as money put in, not an unexplained difference.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode report = call(HttpMethod.GET, "/api/settlements/reconciliation?from=" + today.minusDays(1) + "&to="
                + today, CLERK_A, null).body();
        assertThat(report.get("identityHolds").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("writtenOffFen").asLong()).isGreaterThanOrEqualTo(4000);
    }

    @Test
    void aRejectedWriteOffPostsNothingAndLetsAnotherBeProposed() {
        UUID hh = UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(s -> ledger.post(
                Posting.builder("test-clawback:" + hh, "REFUNDED", Instant.now())
                        .debit(AccountType.HOUSEHOLD_PAYABLE, hh, 700, null)
                        .credit(AccountType.REFUNDS, null, 700, null).build()));
        String propose = "/api/settlements/owed/" + hh + "/write-offs";
        String first = call(HttpMethod.POST, propose, CLERK_A, Map.of("amountFen", 700, "note", "a")).body()
                .get("writeOffId").asString();
        long entries = entries();
        Reply rejected = call(HttpMethod.POST, "/api/settlements/write-offs/" + first + "/rejection", CLERK_A, null);
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
        assertThat(rejected.body().get("status").asString()).isEqualTo("REJECTED");
        assertConflict(call(HttpMethod.POST, "/api/settlements/write-offs/" + first + "/approval", CLERK_B, null),
                "write-off-decided");
        assertThat(entries()).isEqualTo(entries);
        Reply second = call(HttpMethod.POST, propose, CLERK_B, Map.of("amountFen", 300, "note", "b"));
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(call(HttpMethod.POST, "/api/settlements/write-offs/" + second.body().get("writeOffId").asString()
                + "/approval", CLERK_A, null).status()).isEqualTo(200);
        assertThat(ledger.balance(AccountType.HOUSEHOLD_PAYABLE, hh)).as("the rest still owed").isEqualTo(400);
        assertThat(owedOf(hh).get("owedFen").asLong()).isEqualTo(400);
        assertThat(call(HttpMethod.POST, "/api/settlements/write-offs/" + UUID.randomUUID() + "/approval", CLERK_A, null)
                .status()).isEqualTo(404);
    }

    private JsonNode owedOf(UUID household) {
        Reply owed = call(HttpMethod.GET, "/api/settlements/owed?size=1000", ADMIN, null);
        assertThat(owed.status()).as(owed.text()).isEqualTo(200);
        return owed.body().get("items").valueStream().filter(o -> o.get("householdId").asString().equals(household.toString()))
                .findFirst().orElse(null);
    }

    private long suspenseOf(UUID order) {
        return -jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM journal_line WHERE account = 'SUSPENSE' AND order_id = ?")
                .param(order.toString()).query(Long.class).single();
    }

    private long followUpCount(UUID order) {
        return jdbc.sql("SELECT COUNT(*) FROM suspense_follow_up WHERE order_id = ?").param(order.toString())
                .query(Long.class).single();
    }

    private long entries() {
        return jdbc.sql("SELECT COUNT(*) FROM journal_entry").query(Long.class).single();
    }

    private void assertConflict(Reply reply, String slug) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("type").asString()).endsWith("/" + slug);
    }

    private void assertInvalid(Reply reply, String field) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text()).contains("\"" + field + "\"");
    }

    private void apply(Event... events) {
        for (Event event : events) {
            TestEvents.send(brokers, List.of(event));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?")
                    .param(event.eventId().toString()).query(Long.class).single() == 1);
        }
    }

    private Reply call(HttpMethod method, String uri, Caller caller, Object body) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port).method(method).uri(uri)
                .headers(h -> h.addAll(identity.headersFor(caller)));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        return request.exchange((req, res) -> {
            String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
            String type = res.getHeaders().getContentType() == null ? "" : res.getHeaders().getContentType().toString();
            JsonNode parsed = type.contains("json") && !text.isEmpty() ? json.readTree(text) : null;
            return new Reply(res.getStatusCode().value(), type, text, parsed);
        });
    }
}
