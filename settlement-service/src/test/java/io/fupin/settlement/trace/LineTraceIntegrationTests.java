package io.fupin.settlement.trace;

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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class LineTraceIntegrationTests {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(20));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignedIdentity identity;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    @Test
    void showsAnyoneEachHouseholdsMaskedPartAddingUpToTheLinesNet() {
        UUID product = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        apply(TestEvents.householdRegistered(a, "230113-T-" + a.toString().substring(0, 6), "王秀兰", "6228480000000001"));
        apply(TestEvents.householdRegistered(b, "230113-T-" + b.toString().substring(0, 6), "李建国", "6228480000000002"));
        assertThat(status(order, product)).isEqualTo(404);
        apply(TestEvents.linkageVersioned(UUID.randomUUID(), product, 1, T0.minus(Duration.ofDays(1)),
                List.of(new Share(a, 2), new Share(b, 1))));
        // 3 × 19.90 yuan with 2.00 yuan declared cost per unit: net 53.70 yuan, split 2:1.
        apply(TestEvents.orderPaid(order, T0, List.of(new Line(product, UUID.randomUUID(), 3, 1990, 200))));

        JsonNode held = trace(order, product);
        assertThat(held.get("netFen").asLong()).isEqualTo(5370);
        assertThat(held.get("completedAt").isNull()).isTrue();
        assertThat(held.at("/stages/heldFen").asLong()).isEqualTo(5370);
        assertThat(held.at("/stages/payableFen").asLong()).isZero();

        apply(TestEvents.orderCompleted(order, T0.plus(Duration.ofDays(10))));
        JsonNode completed = trace(order, product);

        assertThat(completed.get("completedAt").isNull()).isFalse();
        assertThat(completed.at("/stages/heldFen").asLong()).isZero();
        assertThat(completed.at("/stages/payableFen").asLong()).isEqualTo(5370);
        assertThat(completed.get("shares").findValuesAsString("maskedName")).containsExactly("王**", "李**");
        assertThat(completed.get("shares").findValues("amountFen")).extracting(JsonNode::asLong).containsExactly(3580L, 1790L);
        assertThat(completed.get("suspenseFen").asLong()).isZero();
        long parts = 0;
        for (JsonNode share : completed.get("shares")) {
            parts += share.get("amountFen").asLong();
        }
        assertThat(parts + completed.get("suspenseFen").asLong()).isEqualTo(completed.get("netFen").asLong());
        assertThat(completed.toString()).doesNotContain(a.toString(), b.toString(), "6228", "230113", "王秀兰");
    }

    private JsonNode trace(UUID order, UUID product) {
        return RestClient.create("http://localhost:" + port).get()
                .uri("/api/settlements/public/orders/{o}/products/{p}", order, product)
                .headers(h -> h.addAll(identity.headersFor(Caller.anonymous())))
                .retrieve().body(JsonNode.class);
    }

    private int status(UUID order, UUID product) {
        return RestClient.create("http://localhost:" + port).get()
                .uri("/api/settlements/public/orders/{o}/products/{p}", order, product)
                .headers(h -> h.addAll(identity.headersFor(Caller.anonymous())))
                .exchange((req, res) -> res.getStatusCode().value());
    }

    private void apply(Event event) {
        TestEvents.send(brokers, List.of(event));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?")
                .param(event.eventId().toString()).query(Long.class).single() == 1);
    }
}
