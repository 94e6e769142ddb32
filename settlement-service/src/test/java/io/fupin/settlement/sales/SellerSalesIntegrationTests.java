package io.fupin.settlement.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.settlement.IntegrationTest;
import io.fupin.settlement.TestEvents;
import io.fupin.settlement.TestEvents.Event;
import io.fupin.settlement.TestEvents.Line;
import io.fupin.settlement.TestEvents.Share;
import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Paying out is covered where periods close ({@code PayoutIntegrationTests}); here: held, refunded, suspense, scope. */
@IntegrationTest
class SellerSalesIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignedIdentity identity;
    @Autowired
    JsonMapper json;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    record Reply(int status, String contentType, JsonNode body) {
    }

    @Test
    void aSellerSeesItsOwnLinesOfThePeriodPerProductAddingUpToTheFen() {
        UUID seller = UUID.randomUUID();
        UUID rice = UUID.randomUUID();
        UUID eggs = UUID.randomUUID();
        UUID household = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID unlinked = UUID.randomUUID();
        UUID april = UUID.randomUUID();
        UUID someoneElses = UUID.randomUUID();
        apply(TestEvents.linkageVersioned(UUID.randomUUID(), rice, 1, Instant.parse("2031-01-01T00:00:00Z"),
                        List.of(new Share(household, 1))),
                // 3 × 10.00 yuan, 1.00 yuan cost each, one unit refunded before completion.
                TestEvents.orderPaid(first, Instant.parse("2031-03-05T02:00:00Z"), List.of(new Line(rice, seller, 3, 1000, 100))),
                TestEvents.orderRefunded(first, Instant.parse("2031-03-07T02:00:00Z"), List.of(new Line(rice, seller, 1, 1000, 100))),
                // No linkage in force for eggs: the net waits in suspense.
                TestEvents.orderPaid(unlinked, Instant.parse("2031-03-31T15:59:59Z"), List.of(new Line(eggs, seller, 2, 500, 0))),
                // 2031-04-01 00:00 in Shanghai: the next month.
                TestEvents.orderPaid(april, Instant.parse("2031-03-31T16:00:00Z"), List.of(new Line(rice, seller, 1, 1000, 100))),
                TestEvents.orderPaid(someoneElses, Instant.parse("2031-03-10T02:00:00Z"),
                        List.of(new Line(rice, UUID.randomUUID(), 5, 1000, 100))));

        Reply march = sales(Caller.of("seller", seller, "SELLER"), "2031-03-01", "2031-03-31");

        assertThat(march.status()).isEqualTo(200);
        JsonNode products = march.body().get("products");
        assertThat(products.findValuesAsString("productId")).containsExactlyInAnyOrder(rice.toString(), eggs.toString());
        JsonNode riceFigures = product(products, rice);
        assertThat(List.of("orders", "unitsSold", "unitsRefunded", "soldFen", "refundedFen", "costFen", "netFen", "heldFen",
                "payableFen", "inPayoutFen", "paidOutFen", "suspenseFen").stream().map(f -> riceFigures.get(f).asLong()))
                .containsExactly(1L, 3L, 1L, 3000L, 1000L, 200L, 1800L, 1800L, 0L, 0L, 0L, 0L);
        JsonNode eggFigures = product(products, eggs);
        assertThat(eggFigures.get("soldFen").asLong()).isEqualTo(1000);
        assertThat(eggFigures.get("suspenseFen").asLong()).isEqualTo(1000);
        assertThat(eggFigures.get("heldFen").asLong()).isZero();
        JsonNode total = march.body().get("total");
        assertThat(total.get("soldFen").asLong()).isEqualTo(4000);
        assertThat(total.get("orders").asLong()).isEqualTo(2);
        for (JsonNode f : List.of(riceFigures, eggFigures, total)) {
            assertThat(f.get("soldFen").asLong() - f.get("refundedFen").asLong())
                    .isEqualTo(f.get("costFen").asLong() + f.get("netFen").asLong());
            assertThat(f.get("netFen").asLong()).isEqualTo(f.get("heldFen").asLong() + f.get("payableFen").asLong()
                    + f.get("inPayoutFen").asLong() + f.get("paidOutFen").asLong() + f.get("suspenseFen").asLong());
        }

        apply(TestEvents.orderCompleted(first, Instant.parse("2031-03-20T02:00:00Z")));
        JsonNode completed = product(sales(Caller.of("seller", seller, "SELLER"), "2031-03-01", "2031-03-31").body()
                .get("products"), rice);
        assertThat(completed.get("heldFen").asLong()).isZero();
        assertThat(completed.get("payableFen").asLong()).isEqualTo(1800);

        JsonNode aprilOnly = sales(Caller.of("seller", seller, "SELLER"), "2031-04-01", "2031-04-30").body();
        assertThat(aprilOnly.get("total").get("soldFen").asLong()).isEqualTo(1000);
        JsonNode another = sales(Caller.of("other", UUID.randomUUID(), "SELLER"), "2031-03-01", "2031-03-31").body();
        assertThat(another.get("products")).isEmpty();
        assertThat(another.get("total").get("soldFen").asLong()).isZero();
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStartsAsAProblem() {
        Reply backwards = sales(Caller.of("seller", UUID.randomUUID(), "SELLER"), "2031-03-31", "2031-03-01");
        Reply notADay = sales(Caller.of("seller", UUID.randomUUID(), "SELLER"), "2031-03-01", "March");

        for (Reply refused : List.of(backwards, notADay)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(backwards.body().toString()).contains("lastDay");
    }

    private static JsonNode product(JsonNode products, UUID product) {
        for (JsonNode p : products) {
            if (p.get("productId").asString().equals(product.toString())) {
                return p;
            }
        }
        throw new AssertionError("no figures for " + product + " in " + products);
    }

    private Reply sales(Caller caller, String from, String to) {
        return RestClient.create("http://localhost:" + port).get()
                .uri("/api/settlements/sales?from={from}&to={to}", from, to)
                .headers(h -> h.addAll(identity.headersFor(caller)))
                .exchange((req, res) -> {
                    String text = new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    String type = res.getHeaders().getContentType() == null ? "" : res.getHeaders().getContentType().toString();
                    return new Reply(res.getStatusCode().value(), type, text.isEmpty() ? null : json.readTree(text));
                });
    }

    private void apply(Event... events) {
        for (Event event : events) {
            TestEvents.send(brokers, List.of(event));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?")
                    .param(event.eventId().toString()).query(Long.class).single() == 1);
        }
    }
}
