package io.fupin.household.presale;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import io.fupin.support.testing.EventContracts;
import io.fupin.support.testing.EventContracts.Sample;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * household-service applies the paid orders order-service really emits (its committed samples in
 * docs/events/samples) through its listener, on the database: a field read here that the producer renamed or
 * removed fails this test, and so does a presale line that does not subscribe its buyer to the linked households.
 */
@IntegrationTest
class OrderEventsContractIntegrationTests {

    @Autowired
    OrderEventsListener listener;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPaidPresaleLineSubscribesItsBuyerToTheHouseholdsLinkedToTheProduct() {
        Map<String, Sample<OrderEventMessage>> samples = EventContracts.samplesToApply(OrderEventsListener.TOPIC,
                OrderEventMessage.class, JsonMapper.builder().build());
        assertThat(samples.keySet()).containsExactly("OrderPaid");
        Sample<OrderEventMessage> committed = samples.get("OrderPaid");
        OrderEventMessage.OrderPaid committedPaid = committed.payload();

        Fixtures.Village village = Fixtures.village(api);
        UUID household = Fixtures.household(api, village.villageId());
        UUID seller = UUID.randomUUID();
        UUID product = Fixtures.product(api, seller);
        Api.Answer linked = api.post(Api.seller(seller),
                Map.of("sellerId", seller, "shares", List.of(Map.of("householdId", household, "shares", 1))),
                "/api/households/products/{p}/linkage/versions", product);
        assertThat(linked.status()).as(linked.text()).isEqualTo(201);

        // The sample's line as a presale line of the linked product, paid once the linkage is in force.
        LocalDate delivery = LocalDate.now().plusMonths(3);
        Instant paidAt = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Sample<OrderEventMessage> sample = committed.with(committedPaid.lines().getFirst().productId(), product)
                .with(committedPaid.paidAt(), paidAt)
                .with("\"presaleDeliveryDate\" : null", "\"presaleDeliveryDate\" : \"" + delivery + "\"");
        OrderEventMessage.OrderPaid paid = sample.payload();
        assertThat(paid.lines().getFirst().presaleDeliveryDate()).isEqualTo(delivery);
        assertThat(paid.paidAt()).isEqualTo(paidAt);

        listener.on(sample.record());

        assertThat(jdbc.sql("SELECT product_id, buyer_id, first_order_id FROM presale_subscription WHERE household_id = ?")
                .param(household.toString())
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list())
                .containsExactly(product + " " + paid.buyerId() + " " + paid.orderId());
        EventContracts.assertDocumentedConsumer(OrderEventsListener.TOPIC, "household-order-events");
    }
}
