package io.fupin.settlement.payout;

import static io.fupin.settlement.TestEvents.Line;
import static io.fupin.settlement.TestEvents.Share;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.settlement.IntegrationTest;
import io.fupin.settlement.OrderServiceBook;
import io.fupin.settlement.TestEvents;
import io.fupin.settlement.TestEvents.Event;
import io.fupin.settlement.ledger.AccountType;
import io.fupin.settlement.ledger.Ledger;
import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Periods close in date order, so each test takes days of its own ({@link #freshDays}): after every period
 * closed so far and after the days any other test took, from 2030 on. The tests run in any order, alone or
 * together. Every close asks order-service (its books kept by {@link OrderServiceBook}) what it recorded as
 * paid and refunded.
 */
@IntegrationTest
class PayoutIntegrationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The payout tests close days from here on; the days before it are never closed. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2030, 1, 1);
    /** The day after the days taken so far in this run. */
    private static LocalDate nextFree = FIRST_DAY;

    private static final Caller CLERK_A = Caller.of("clerk", null, "CLERK");
    private static final Caller CLERK_B = Caller.of("clerk2", null, "CLERK");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    SignedIdentity identity;
    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    record Reply(int status, String contentType, String text, JsonNode body) {
    }

    @Test
    void fromOrderPaidToPayoutBatchPaidWithMakerCheckerAndAFailedLine() {
        UUID hh1 = UUID.randomUUID();
        UUID hh2 = UUID.randomUUID();
        UUID hh3 = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        Days days = freshDays(20);
        double postings = postingsCounted();
        apply(TestEvents.householdRegistered(hh1, "230113-0001", "王大山", "6228480000000001"),
                TestEvents.householdRegistered(hh2, "230113-0002", "李小花, 户主", "6228480000000002"),
                TestEvents.linkageVersioned(UUID.randomUUID(), product, 1, Instant.parse("2029-12-01T00:00:00Z"),
                        List.of(new Share(hh1, 2), new Share(hh2, 1), new Share(hh3, 1))),
                TestEvents.orderPaid(order, days.at(3),
                        List.of(new Line(product, seller, 4, 2500, 500))),
                TestEvents.orderCompleted(order, days.at(8)));
        assertSales(seller, days, 0, 8000, 0, 0);

        Reply closed = call(HttpMethod.POST, "/api/settlements/periods", CLERK_A,
                Map.of("firstDay", days.on(1), "lastDay", days.on(10)));
        assertThat(closed.status()).as(closed.text()).isEqualTo(201);
        String batchId = closed.body().get("batch").get("batchId").asString();
        assertSales(seller, days, 0, 2000, 6000, 0);
        JsonNode report = closed.body().get("report");
        assertThat(report.get("identityHolds").asBoolean()).isTrue();
        assertThat(report.get("receiptsFen").asLong()).isEqualTo(10_000);
        assertThat(report.get("marginFen").asLong()).isZero();
        assertThat(report.get("receiptsFen").asLong() - report.get("refundsFen").asLong()).isEqualTo(
                report.get("allocationsFen").asLong() + report.get("costsFen").asLong() + report.get("suspenseFen").asLong());
        assertThat(report.get("differences").findValues("kind").stream().map(JsonNode::asString))
                .contains("NO_PAYOUT_ACCOUNT");
        assertThat(lineOf(closed.body().get("batch"), hh1).get("amountFen").asLong()).isEqualTo(4000);
        assertThat(lineOf(closed.body().get("batch"), hh2).get("amountFen").asLong()).isEqualTo(2000);
        assertThat(lineOf(closed.body().get("batch"), hh3)).as("no payout account: held back").isNull();
        JsonNode forApprover = call(HttpMethod.GET, "/api/settlements/batches/" + batchId, CLERK_B, null).body();
        assertThat(lineOf(forApprover, hh1).get("bankName").asString()).isEqualTo("中国农业银行");
        assertThat(lineOf(forApprover, hh1).get("maskedAccount").asString()).isEqualTo("6228********0001");
        assertThat(forApprover.toString()).doesNotContain("6228480000000001");
        assertThat(-ledger.balance(AccountType.HOUSEHOLD_PAYABLE, hh3)).isEqualTo(2000);
        // What the operator's dashboard and alerts read.
        assertThat(postingsCounted()).as("paid, completed, batched").isGreaterThanOrEqualTo(postings + 3);
        assertThat(gauge("fupin.settlement.payout.batches", "closed")).as("waiting for approval").isGreaterThanOrEqualTo(1);
        assertThat(gauge("fupin.settlement.payout.amount", "closed")).isGreaterThanOrEqualTo(6000);
        assertThat(meters.get("fupin.settlement.reconciliation.differences").gauge().value())
                .isEqualTo(report.get("differences").size());
        assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").gauges()).as("consumer lag").isNotEmpty();

        // Maker-checker and the order of steps: each refusal is a 409 that changes nothing.
        assertConflict(call(HttpMethod.POST, "/api/settlements/batches/" + batchId + "/approval", CLERK_A, null), "own-approval");
        assertConflict(call(HttpMethod.GET, "/api/settlements/batches/" + batchId + "/payout-file", CLERK_A, null), "batch-not-approved");
        assertConflict(call(HttpMethod.POST, "/api/settlements/batches/" + batchId + "/payment", CLERK_A,
                Map.of("bankReference", "ABC-1")), "batch-not-exported");
        long periods = jdbc.sql("SELECT COUNT(*) FROM settlement_period").query(Long.class).single();
        assertConflict(call(HttpMethod.POST, "/api/settlements/periods", CLERK_A,
                Map.of("firstDay", days.on(5), "lastDay", days.on(20))), "period-overlaps");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM settlement_period").query(Long.class).single()).isEqualTo(periods);
        assertThat(call(HttpMethod.GET, "/api/settlements/batches/" + batchId, CLERK_A, null).body().get("status")
                .asString()).isEqualTo("CLOSED");

        Reply approved = call(HttpMethod.POST, "/api/settlements/batches/" + batchId + "/approval", CLERK_B, null);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().get("approvedBy").asString()).isEqualTo("clerk2");

        Reply file = call(HttpMethod.GET, "/api/settlements/batches/" + batchId + "/payout-file", CLERK_A, null);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("text/csv");
        String[] rows = file.text().split("\r\n");
        assertThat(rows[0]).isEqualTo(PayoutFile.HEADER);
        String reference = closed.body().get("batch").get("reference").asString();
        String[] control = rows[rows.length - 1].split(",", -1);
        assertThat(control[0]).isEqualTo("CONTROL");
        assertThat(Integer.parseInt(control[1])).isEqualTo(rows.length - 2);
        long sumOfRows = 0;
        for (int i = 1; i < rows.length - 1; i++) {
            String[] cells = rows[i].split(",");
            assertThat(cells[cells.length - 1]).isEqualTo(reference);
            sumOfRows += fen(cells[cells.length - 2]);
        }
        assertThat(fen(control[5])).isEqualTo(sumOfRows).isEqualTo(closed.body().get("batch").get("totalFen").asLong());
        assertThat(file.text()).contains(hh1 + ",230113-0001,王大山,中国农业银行,6228480000000001,40.00," + reference)
                .contains("\"李小花, 户主\"");

        try (KafkaConsumer<String, String> payouts = payoutConsumer()) {
            Reply paid = call(HttpMethod.POST, "/api/settlements/batches/" + batchId + "/payment", CLERK_A,
                    Map.of("bankReference", "ABC-BANK-20300111", "failedHouseholdIds", List.of(hh2)));
            assertThat(paid.status()).as(paid.text()).isEqualTo(200);

            JsonNode event = awaitPayout(payouts, batchId);
            assertThat(event.get("eventType").asString()).isEqualTo("PayoutBatchPaid");
            JsonNode payload = event.get("payload");
            assertThat(payload.get("bankReference").asString()).isEqualTo("ABC-BANK-20300111");
            assertThat(payload.get("page").asInt()).isEqualTo(1);
            assertThat(payload.get("pages").asInt()).isEqualTo(1);
            assertThat(payload.get("batchReference").asString()).isEqualTo(reference);
            assertThat(payload.get("lines").findValues("householdId").stream().map(JsonNode::asString))
                    .contains(hh1.toString()).doesNotContain(hh2.toString());
            JsonNode mine = lineOf(payload, hh1);
            assertThat(mine.get("amountFen").asLong()).isEqualTo(4000);
            assertThat(mine.get("orderIds").get(0).asString()).isEqualTo(order.toString());
            long sumOfLines = 0;
            for (JsonNode line : payload.get("lines")) {
                sumOfLines += line.get("amountFen").asLong();
            }
            assertThat(payload.get("totalFen").asLong()).isEqualTo(sumOfLines);
        }

        assertConflict(call(HttpMethod.POST, "/api/settlements/batches/" + batchId + "/payment", CLERK_A,
                Map.of("bankReference", "ABC-BANK-AGAIN")), "batch-already-paid");
        assertThat(-ledger.balance(AccountType.HOUSEHOLD_PAID_OUT, hh1)).isEqualTo(4000);
        assertThat(gauge("fupin.settlement.payout.batches", "paid")).isGreaterThanOrEqualTo(1);
        assertThat(-ledger.balance(AccountType.HOUSEHOLD_PAYABLE, hh2)).as("failed line back to the balance").isEqualTo(2000);
        assertThat(ledger.balance(AccountType.HOUSEHOLD_PAID_OUT, hh2)).isZero();
        assertSales(seller, days, 0, 4000, 0, 4000);

        Reply statement = call(HttpMethod.GET, "/api/settlements/households/" + hh1 + "/statement", CLERK_A, null);
        assertThat(statement.body().get("paidOutFen").asLong()).isEqualTo(4000);
        assertThat(statement.body().get("payableFen").asLong()).isZero();
        assertThat(statement.body().get("entries").findValues("orderId").stream().map(JsonNode::asString))
                .contains(order.toString());
        assertThat(statement.body().get("entries").findValues("productId").stream().map(JsonNode::asString))
                .contains(product.toString());
        Reply csv = call(HttpMethod.GET, "/api/settlements/households/" + hh1 + "/statement.csv", CLERK_A, null);
        assertThat(csv.text()).startsWith("date_shanghai,kind,account,order_id,product_id,batch_id,amount_yuan")
                .contains(days.on(3) + " 10:00:00,PAID,HELD," + order + "," + product + ",,40.00");

        assertThat(call(HttpMethod.GET, "/api/settlements/periods", Caller.of("c", null, "CONSUMER"), null).status())
                .isEqualTo(403);
    }

    @Test
    void aRefundAfterPayoutIsClawedBackFromLaterPayoutsNeverPaidBelowZero() {
        UUID hh = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Days days = freshDays(15);
        apply(TestEvents.householdRegistered(hh, "230113-0004", "赵四", "6228480000000004"),
                TestEvents.linkageVersioned(UUID.randomUUID(), product, 1, Instant.parse("2029-12-01T00:00:00Z"),
                        List.of(new Share(hh, 1))),
                TestEvents.orderPaid(first, days.at(2), List.of(new Line(product, seller, 1, 10_000, 0))),
                TestEvents.orderCompleted(first, days.at(3)));
        payOut(closeAndCheck(days.on(1), days.on(5)));
        assertThat(-ledger.balance(AccountType.HOUSEHOLD_PAID_OUT, hh)).isEqualTo(10_000);

        apply(TestEvents.orderRefunded(first, days.at(7),
                List.of(new Line(product, seller, 1, 10_000, 0))));
        assertThat(-ledger.balance(AccountType.HOUSEHOLD_PAYABLE, hh)).isEqualTo(-10_000);

        JsonNode owing = closeAndCheck(days.on(6), days.on(10));
        assertThat(lineOf(owing.get("batch"), hh)).as("never paid below zero").isNull();
        assertThat(owing.get("report").get("carriedOutFen").asLong()).isGreaterThanOrEqualTo(10_000);
        assertThat(owing.get("report").get("refundsFen").asLong()).isEqualTo(10_000);
        payOut(owing);

        apply(TestEvents.orderPaid(second, days.at(12), List.of(new Line(product, seller, 1, 15_000, 0))),
                TestEvents.orderCompleted(second, days.at(13)));
        JsonNode recovered = closeAndCheck(days.on(11), days.on(15));
        assertThat(lineOf(recovered.get("batch"), hh).get("amountFen").asLong())
                .as("the clawback is recovered from the next payout").isEqualTo(5_000);
        assertThat(recovered.get("report").get("carriedInFen").asLong()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStartsOrPrecedesAClosedOne() {
        UUID hh = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Days days = freshDays(10);
        apply(TestEvents.householdRegistered(hh, "230113-0005", "孙五", "6228480000000005"),
                TestEvents.linkageVersioned(UUID.randomUUID(), product, 1, Instant.parse("2029-12-01T00:00:00Z"),
                        List.of(new Share(hh, 1))),
                TestEvents.orderPaid(order, days.at(2), List.of(new Line(product, UUID.randomUUID(), 1, 3_000, 0))),
                TestEvents.orderCompleted(order, days.at(3)));
        JsonNode closed = closeAndCheck(days.on(1), days.on(5));
        payOut(closed);
        String periodId = closed.get("periodId").asString();
        long periods = periodCount();

        Reply backwards = call(HttpMethod.POST, "/api/settlements/periods", CLERK_A,
                Map.of("firstDay", days.on(10), "lastDay", days.on(6)));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().get("errors").get(0).get("field").asString()).isEqualTo("lastDay");
        assertConflict(call(HttpMethod.POST, "/api/settlements/periods", CLERK_A,
                Map.of("firstDay", FIRST_DAY.minusYears(1).toString(), "lastDay", FIRST_DAY.minusYears(1).plusDays(30)
                        .toString())), "period-out-of-order");
        assertThat(periodCount()).as("nothing closed").isEqualTo(periods);

        JsonNode summary = periodSummary(periodId);
        assertThat(summary).as("listed among the closed periods").isNotNull();
        assertThat(summary.get("firstDay").asString()).isEqualTo(days.on(1));
        assertThat(summary.get("lastDay").asString()).isEqualTo(days.on(5));
        assertThat(summary.get("batchStatus").asString()).isEqualTo("PAID");
        assertThat(summary.get("batchTotalFen").asLong()).isEqualTo(closed.get("batch").get("totalFen").asLong())
                .isGreaterThanOrEqualTo(3_000);
        Reply stored = call(HttpMethod.GET, "/api/settlements/periods/" + periodId + "/report", CLERK_A, null);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body().get("periodId").asString()).isEqualTo(periodId);
        assertThat(stored.body().get("identityHolds").asBoolean()).isTrue();
        assertThat(stored.body().get("receiptsFen").asLong()).isEqualTo(3_000);
        Reply live = call(HttpMethod.GET, "/api/settlements/reconciliation?from=" + days.on(1) + "&to=" + days.on(10),
                CLERK_A, null);
        assertThat(live.body().get("identityHolds").asBoolean()).isTrue();
        assertThat(live.body().get("marginFen").asLong()).isZero();
    }

    @Test
    void anOrderPaidInOrderServiceWhoseEventNeverArrivedBlocksTheCloseAndIsNamedUntilItArrives() {
        UUID product = UUID.randomUUID();
        UUID arrived = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        Days days = freshDays(5);
        apply(TestEvents.orderPaid(arrived, days.at(2),
                List.of(new Line(product, UUID.randomUUID(), 1, 1200, 0))));
        Event lostPayment = TestEvents.orderPaid(lost, days.at(3),
                List.of(new Line(product, UUID.randomUUID(), 3, 1000, 0)));
        // order-service committed the payment; its event has not reached settlement.
        OrderServiceBook.get().record(lostPayment);
        long periods = periodCount();

        Reply refused = call(HttpMethod.POST, "/api/settlements/periods", CLERK_A,
                Map.of("firstDay", days.on(1), "lastDay", days.on(5)));
        assertConflict(refused, "orders-differ");
        assertThat(refused.body().get("detail").asString()).contains(lost.toString());
        assertThat(refused.body().get("mismatches")).hasSize(1);
        JsonNode mismatch = refused.body().get("mismatches").get(0);
        assertThat(mismatch.get("orderId").asString()).isEqualTo(lost.toString());
        assertThat(mismatch.get("day").asString()).isEqualTo(days.on(3));
        assertThat(mismatch.get("figure").asString()).isEqualTo("PAID");
        assertThat(mismatch.get("orderServiceFen").asLong()).isEqualTo(3000);
        assertThat(mismatch.get("settlementFen").asLong()).isZero();
        assertThat(mismatch.get("differenceFen").asLong()).isEqualTo(-3000);
        assertThat(periodCount()).as("nothing closed").isEqualTo(periods);

        JsonNode live = call(HttpMethod.GET, "/api/settlements/reconciliation?from=" + days.on(1) + "&to=" + days.on(5), CLERK_A,
                null).body();
        assertThat(live.get("orderServiceCheck").get("verified").asBoolean()).isTrue();
        assertThat(live.get("orderServiceCheck").get("mismatches").findValuesAsString("orderId"))
                .containsExactly(lost.toString());
        assertThat(differencesOf(live, "ORDER_SERVICE_MISMATCH")).containsExactly(lost.toString());

        apply(lostPayment);
        JsonNode closed = closeAndCheck(days.on(1), days.on(5));
        assertThat(closed.get("report").get("receiptsFen").asLong()).isEqualTo(4200);
        assertThat(closed.get("report").get("orderServiceCheck").get("verified").asBoolean()).isTrue();
        assertThat(differencesOf(closed.get("report"), "ORDER_SERVICE_MISMATCH")).isEmpty();
    }

    @Test
    void aRefundThatDiffersByOneFenIsNamedAndBlocksTheClose() {
        UUID product = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Days days = freshDays(5);
        apply(TestEvents.orderPaid(order, days.at(2), List.of(new Line(product, seller, 2, 1000, 0))));
        Instant refundedAt = days.at(3);
        Event refund = TestEvents.orderRefunded(order, refundedAt, List.of(new Line(product, seller, 1, 1000, 0)));
        // order-service gave back one fen more than the event it published says.
        OrderServiceBook.get().refunded(order,
                UUID.fromString(json.readTree(refund.json()).get("payload").get("refundId").asString()), refundedAt, 1001);
        apply(refund);

        Reply refused = call(HttpMethod.POST, "/api/settlements/periods", CLERK_A,
                Map.of("firstDay", days.on(1), "lastDay", days.on(5)));
        assertConflict(refused, "orders-differ");
        assertThat(refused.body().get("mismatches")).hasSize(1);
        JsonNode mismatch = refused.body().get("mismatches").get(0);
        assertThat(mismatch.get("orderId").asString()).isEqualTo(order.toString());
        assertThat(mismatch.get("figure").asString()).isEqualTo("REFUNDED");
        assertThat(mismatch.get("orderServiceFen").asLong()).isEqualTo(1001);
        assertThat(mismatch.get("settlementFen").asLong()).isEqualTo(1000);
        assertThat(mismatch.get("differenceFen").asLong()).isEqualTo(-1);
        JsonNode live = call(HttpMethod.GET, "/api/settlements/reconciliation?from=" + days.on(1) + "&to=" + days.on(5), CLERK_A,
                null).body();
        assertThat(differencesOf(live, "ORDER_SERVICE_MISMATCH")).containsExactly(order.toString());
    }

    @Test
    void neverClosesBlindlyWhileOrderServiceCannotAnswer() {
        Days days = freshDays(5);
        long periods = periodCount();
        OrderServiceBook.get().down(true);
        try {
            Reply refused = call(HttpMethod.POST, "/api/settlements/periods", CLERK_A,
                    Map.of("firstDay", days.on(1), "lastDay", days.on(5)));
            assertConflict(refused, "orders-unverified");
            assertThat(refused.body().get("detail").asString()).contains("order-service");
            assertThat(periodCount()).as("nothing closed").isEqualTo(periods);

            Reply live = call(HttpMethod.GET, "/api/settlements/reconciliation?from=" + days.on(1) + "&to=" + days.on(5), CLERK_A, null);
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.body().get("orderServiceCheck").get("verified").asBoolean()).isFalse();
            assertThat(live.body().findValuesAsString("kind")).contains("ORDER_SERVICE_UNVERIFIED");
        } finally {
            OrderServiceBook.get().down(false);
        }
        closeAndCheck(days.on(1), days.on(5));
    }

    @Test
    void clerksSeeEventsParkedForTheirPaymentAndThePeriodWaitsForThem() {
        UUID product = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Days days = freshDays(5);
        Event paid = TestEvents.orderPaid(order, days.at(2),
                List.of(new Line(product, seller, 2, 800, 0)));
        Event refund = TestEvents.orderRefunded(order, days.at(3),
                List.of(new Line(product, seller, 1, 800, 0)));
        // order-service committed both; the refund overtook the payment on the way.
        OrderServiceBook.get().record(paid);
        apply(refund);

        JsonNode parked = parkedEventOf(order);
        assertThat(parked).as("the refund is listed while it waits").isNotNull();
        assertThat(parked.get("eventId").asString()).isEqualTo(refund.eventId().toString());
        assertThat(parked.get("eventType").asString()).isEqualTo("OrderRefunded");
        assertThat(parked.get("awaits").asString()).isEqualTo("OrderPaid");
        assertThat(parked.get("occurredAt").asString()).isEqualTo(days.at(3).toString());
        assertThat(parked.get("parkedSince").asString()).isNotBlank();
        assertThat(meters.get("fupin.settlement.parked.events").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(call(HttpMethod.GET, "/api/settlements/parked-events", Caller.of("c", null, "CONSUMER"), null).status())
                .isEqualTo(403);

        long periods = periodCount();
        Reply refused = call(HttpMethod.POST, "/api/settlements/periods", CLERK_A,
                Map.of("firstDay", days.on(1), "lastDay", days.on(5)));
        assertConflict(refused, "events-parked");
        assertThat(refused.body().get("detail").asString()).contains(order.toString());
        assertThat(periodCount()).isEqualTo(periods);
        JsonNode live = call(HttpMethod.GET, "/api/settlements/reconciliation?from=" + days.on(1) + "&to=" + days.on(5), CLERK_A,
                null).body();
        assertThat(live.get("parkedEvents").asLong()).isEqualTo(1);
        assertThat(differencesOf(live, "PARKED_EVENTS")).containsExactly(order.toString());

        apply(paid);
        assertThat(parkedEventOf(order)).as("applied right after the payment").isNull();
        JsonNode closed = closeAndCheck(days.on(1), days.on(5));
        assertThat(closed.get("report").get("parkedEvents").asLong()).isZero();
        assertThat(closed.get("report").get("refundsFen").asLong()).isEqualTo(800);
    }

    /** The order's parked event, read page by page as a clerk would; {@code null} when none is parked. */
    private JsonNode parkedEventOf(UUID order) {
        int page = 0;
        JsonNode body;
        do {
            Reply reply = call(HttpMethod.GET, "/api/settlements/parked-events?size=50&page=" + page, CLERK_A, null);
            assertThat(reply.status()).isEqualTo(200);
            body = reply.body();
            for (JsonNode event : body.get("items")) {
                if (event.get("orderId").asString().equals(order.toString())) {
                    return event;
                }
            }
            page++;
        } while (page < body.get("totalPages").asInt());
        return null;
    }

    /**
     * Days no other test of this class took, after every period closed so far, so a test closes them whatever ran
     * before it.
     */
    private Days freshDays(int length) {
        LocalDate afterClosed = jdbc.sql("SELECT MAX(last_day) FROM settlement_period").query(LocalDate.class)
                .optional().map(d -> d.plusDays(1)).orElse(FIRST_DAY);
        synchronized (PayoutIntegrationTests.class) {
            LocalDate first = afterClosed.isAfter(nextFree) ? afterClosed : nextFree;
            nextFree = first.plusDays(length);
            return new Days(first, length);
        }
    }

    /** A test's own days, numbered from 1. */
    private record Days(LocalDate first, int length) {

        String on(int day) {
            return first.plusDays(day - 1).format(DateTimeFormatter.ISO_LOCAL_DATE);
        }

        /** 10:00 in Shanghai on the day. */
        Instant at(int day) {
            return first.plusDays(day - 1).atTime(10, 0).atZone(SHANGHAI).toInstant();
        }
    }

    /** The period as the clerk's list shows it, read page by page; {@code null} when it is not listed. */
    private JsonNode periodSummary(String periodId) {
        JsonNode found = null;
        long listed = 0;
        int page = 0;
        JsonNode body;
        do {
            Reply reply = call(HttpMethod.GET, "/api/settlements/periods?size=5&page=" + page, CLERK_A, null);
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            body = reply.body();
            for (JsonNode period : body.get("items")) {
                listed++;
                if (period.get("periodId").asString().equals(periodId)) {
                    found = period;
                }
            }
            page++;
        } while (page < body.get("totalPages").asInt());
        assertThat(listed).as("every page together").isEqualTo(body.get("totalItems").asLong());
        return found;
    }

    private long periodCount() {
        return jdbc.sql("SELECT COUNT(*) FROM settlement_period").query(Long.class).single();
    }

    private static List<String> differencesOf(JsonNode report, String kind) {
        List<String> orders = new ArrayList<>();
        report.get("differences").forEach(d -> {
            if (kind.equals(d.get("kind").asString())) {
                d.get("orderIds").forEach(o -> orders.add(o.asString()));
            }
        });
        return orders;
    }

    private JsonNode closeAndCheck(String first, String last) {
        Reply closed = call(HttpMethod.POST, "/api/settlements/periods", CLERK_A, Map.of("firstDay", first, "lastDay", last));
        assertThat(closed.status()).as(closed.text()).isEqualTo(201);
        assertThat(closed.body().get("report").get("identityHolds").asBoolean()).isTrue();
        return closed.body();
    }

    /**
     * The seller's sales in the test's days (one line: 4 × 25.00 yuan, 5.00 yuan cost each): sold 100.00, cost 20.00,
     * net 80.00, staged as given (the parts of households whose batch line is pending count as in payout).
     */
    private void assertSales(UUID seller, Days days, long held, long payable, long inPayout, long paidOut) {
        Reply sales = call(HttpMethod.GET, "/api/settlements/sales?from=" + days.on(1) + "&to=" + days.on(days.length()),
                Caller.of("seller", seller, "SELLER"), null);
        assertThat(sales.status()).as(sales.text()).isEqualTo(200);
        JsonNode total = sales.body().get("total");
        assertThat(sales.body().get("products")).hasSize(1);
        assertThat(total.get("soldFen").asLong()).isEqualTo(10_000);
        assertThat(total.get("costFen").asLong()).isEqualTo(2_000);
        assertThat(total.get("netFen").asLong()).isEqualTo(8_000);
        assertThat(List.of(total.get("heldFen").asLong(), total.get("payableFen").asLong(),
                total.get("inPayoutFen").asLong(), total.get("paidOutFen").asLong(), total.get("suspenseFen").asLong()))
                .containsExactly(held, payable, inPayout, paidOut, 0L);
    }

    private double postingsCounted() {
        return meters.find("fupin.settlement.postings").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private double gauge(String name, String status) {
        return meters.get(name).tag("status", status).gauge().value();
    }

    private void payOut(JsonNode closed) {
        String batchId = closed.get("batch").get("batchId").asString();
        assertThat(call(HttpMethod.POST, "/api/settlements/batches/" + batchId + "/approval", CLERK_B, null).status()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/settlements/batches/" + batchId + "/payout-file", CLERK_B, null).status()).isEqualTo(200);
        Reply paid = call(HttpMethod.POST, "/api/settlements/batches/" + batchId + "/payment", CLERK_A,
                Map.of("bankReference", "BANK-" + batchId));
        assertThat(paid.status()).as(paid.text()).isEqualTo(200);
    }

    private static JsonNode lineOf(JsonNode batch, UUID household) {
        for (JsonNode line : batch.get("lines")) {
            if (line.get("householdId").asString().equals(household.toString())) {
                return line;
            }
        }
        return null;
    }

    /** "123.45" → 12345, without floating point. */
    private static long fen(String yuan) {
        String[] parts = yuan.split("\\.");
        assertThat(parts[1]).hasSize(2);
        return Long.parseLong(parts[0]) * 100 + Long.parseLong(parts[1]);
    }

    private void assertConflict(Reply reply, String slug) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("type").asString()).endsWith("/" + slug);
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

    private KafkaConsumer<String, String> payoutConsumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "payout-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(TestEvents.PAYOUTS));
        return consumer;
    }

    private JsonNode awaitPayout(KafkaConsumer<String, String> consumer, String batchId) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (batchId.equals(r.key())) {
                    found.add(r);
                }
            });
            return !found.isEmpty();
        });
        return json.readTree(found.get(0).value());
    }
}
