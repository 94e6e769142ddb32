package io.fupin.household.presale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PresaleIntegrationTests {

    static final String TOPIC = "order-service.order-events.v1";

    @Autowired
    Api api;

    @Test
    void countsDistinctSubscribersPerLinkedHouseholdAndListsOffersWithoutAnyByVillage() {
        Fixtures.Village v = Fixtures.village(api);
        UUID otherVillage = Fixtures.place(api, "VILLAGE", "永胜村" + UUID.randomUUID().toString().substring(0, 4), v.townId());
        UUID a = Fixtures.household(api, v.villageId());
        UUID b = Fixtures.household(api, v.villageId());
        UUID c = Fixtures.household(api, otherVillage);
        UUID seller = UUID.randomUUID();
        UUID geese = Fixtures.product(api, seller);
        UUID garlic = Fixtures.product(api, seller);
        link(seller, geese, a, b);
        link(seller, garlic, c);
        LocalDate harvest = LocalDate.now().plusMonths(3);
        assertThat(offer(Api.seller(seller), a, geese, harvest).status()).isEqualTo(201);
        assertThat(offer(Api.OFFICIAL, b, geese, harvest).status()).isEqualTo(201);
        assertThat(offer(Api.OFFICIAL, c, garlic, harvest).status()).isEqualTo(201);

        UUID paid = UUID.randomUUID();
        String first = orderPaid(paid, "consumer-9", geese, harvest);
        api.send(TOPIC, "o1", first);
        api.send(TOPIC, "o1", first);
        api.send(TOPIC, "o2", orderPaid(UUID.randomUUID(), "consumer-9", geese, harvest));
        api.send(TOPIC, "o3", orderPaid(UUID.randomUUID(), "company-3", geese, harvest));
        api.send(TOPIC, "o4", orderPaid(UUID.randomUUID(), "consumer-9", garlic, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> subscribers(a) == 2 && subscribers(b) == 2);

        JsonNode withoutSubscribers = api.get(Api.OFFICIAL, "/api/households/presale/without-subscribers?placeId={d}", v.districtId()).body().get("items");
        assertThat(withoutSubscribers.size()).isEqualTo(1);
        assertThat(withoutSubscribers.get(0).get("villageId").asString()).isEqualTo(otherVillage.toString());
        JsonNode households = withoutSubscribers.get(0).get("households");
        assertThat(households.size()).isEqualTo(1);
        assertThat(households.get(0).get("householdId").asString()).isEqualTo(c.toString());
        assertThat(households.get(0).get("offers").get(0).get("productId").asString()).isEqualTo(garlic.toString());
        assertThat(subscribers(c)).isZero();
        JsonNode offers = api.get(Api.OFFICIAL, "/api/households/presale/offers?placeId={v}", v.villageId()).body();
        assertThat(offers.findValues("subscribers")).extracting(JsonNode::asLong).containsExactly(2L, 2L);

        String withdrawn = offer(Api.OFFICIAL, c, garlic, harvest.plusDays(7)).body().get("offerId").asString();
        assertThat(api.post(Api.OFFICIAL, Map.of(), "/api/households/presale/offers/{id}/withdraw", withdrawn).status())
                .isEqualTo(204);
        assertThat(api.get(Api.OFFICIAL, "/api/households/presale/offers?placeId={v}", otherVillage).body().get("items").size()).isEqualTo(1);

        api.send(TOPIC, "o5", orderPaid(UUID.randomUUID(), "school-1", garlic, harvest));
        await().atMost(Duration.ofSeconds(20)).until(() -> subscribers(c) == 1);
        assertThat(api.get(Api.OFFICIAL, "/api/households/presale/without-subscribers?placeId={d}", v.districtId()).body().get("totalItems").asInt()).isZero();
    }

    @Test
    void refusesAnOfferFromAHouseholdNotLinkedToTheProduct() {
        Fixtures.Village v = Fixtures.village(api);
        UUID a = Fixtures.household(api, v.villageId());
        UUID stranger = Fixtures.household(api, v.villageId());
        UUID seller = UUID.randomUUID();
        UUID product = Fixtures.product(api, seller);
        link(seller, product, a);

        Api.Answer answer = offer(Api.OFFICIAL, stranger, product, LocalDate.now().plusDays(30));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactly("householdId");
        assertThat(offer(Api.seller(UUID.randomUUID()), a, product, LocalDate.now().plusDays(30)).status()).isEqualTo(403);
        assertThat(offer(Api.OFFICIAL, a, UUID.randomUUID(), LocalDate.now().plusDays(30)).errorFields())
                .containsExactly("productId");
    }

    private long subscribers(UUID household) {
        return api.get(Api.OFFICIAL, "/api/households/{h}/presale-subscribers", household).body()
                .get("distinctSubscribers").asLong();
    }

    private void link(UUID seller, UUID product, UUID... households) {
        List<Map<String, Object>> shares = java.util.Arrays.stream(households)
                .map(h -> Map.<String, Object>of("householdId", h, "shares", 1)).toList();
        Api.Answer answer = api.post(Api.seller(seller), Map.of("sellerId", seller, "shares", shares),
                "/api/households/products/{p}/linkage/versions", product);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    }

    private Api.Answer offer(io.fupin.support.identity.Caller caller, UUID household, UUID product, LocalDate date) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("householdId", household);
        body.put("productId", product);
        body.put("description", "秋季大鹅 20 只");
        body.put("deliveryDate", date.toString());
        return api.post(caller, body, "/api/households/presale/offers");
    }

    static String orderPaid(UUID orderId, String buyer, UUID product, LocalDate presaleDate) {
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return """
                {"eventId":"%s","eventType":"OrderPaid","eventVersion":1,"occurredAt":"%s","aggregateId":"%s",
                 "payload":{"orderId":"%s","orderNumber":"FP1","buyerId":"%s","buyerKind":"PERSON","organisationName":null,
                 "channel":"ONLINE","totalFen":5000,"paymentId":"%s","paidAt":"%s",
                 "lines":[{"productId":"%s","sellerId":"%s","quantity":2,"unitPriceFen":2500,"unitCostFen":0,
                           "amountFen":5000,"presaleDeliveryDate":%s}]}}""".formatted(UUID.randomUUID(), paidAt, orderId,
                orderId, buyer, UUID.randomUUID(), paidAt, product, UUID.randomUUID(),
                presaleDate == null ? "null" : "\"" + presaleDate + "\"");
    }
}
