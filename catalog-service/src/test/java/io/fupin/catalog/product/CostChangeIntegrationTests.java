package io.fupin.catalog.product;

import static io.fupin.catalog.CatalogApi.OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.CatalogApi;
import io.fupin.catalog.CatalogApi.Reply;
import io.fupin.catalog.IntegrationTest;
import io.fupin.support.identity.Caller;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** A seller cannot quietly take a margin: raising the cost of a certified product waits for an official. */
@IntegrationTest
class CostChangeIntegrationTests {

    @Autowired
    CatalogApi api;
    UUID seller;
    Caller sellerUser;

    @BeforeEach
    void setUp() {
        seller = api.registerSeller();
        sellerUser = Caller.of("seller", seller, "SELLER");
    }

    @Test
    void raisingTheCostOfACertifiedProductWaitsForAnOfficialWithTheEvidence() {
        UUID product = api.certified(seller, Map.of());

        Reply asked = api.call(sellerUser, HttpMethod.PUT, "/api/catalog/products/" + product + "/price", Map.of(
                "priceFen", 4990, "costFen", 1200, "costReason", "包装与冷链物流", "evidence", "顺丰冷链合同 2026-118 号"));

        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(202);
        assertThat(asked.body()).containsEntry("status", "PENDING").containsEntry("costFen", 1200)
                .containsEntry("currentCostFen", 600).containsEntry("evidence", "顺丰冷链合同 2026-118 号");
        assertThat(product(product)).containsEntry("costFen", 600).containsEntry("priceVersion", 1);
        Reply waiting = api.call(OFFICIAL, HttpMethod.GET, "/api/catalog/cost-changes", null);
        assertThat(waiting.body().get("items").toString()).contains(product.toString());
        Reply again = api.call(sellerUser, HttpMethod.PUT, "/api/catalog/products/" + product + "/price", Map.of(
                "priceFen", 4990, "costFen", 1100, "costReason", "包装", "evidence", "发票"));
        assertThat(again.status()).isEqualTo(409);

        String change = (String) asked.body().get("id");
        assertThat(api.call(sellerUser, HttpMethod.POST, "/api/catalog/cost-changes/" + change + "/approve", null).status())
                .isEqualTo(403);
        Reply approved = api.call(OFFICIAL, HttpMethod.POST, "/api/catalog/cost-changes/" + change + "/approve", null);
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body()).containsEntry("status", "APPROVED").containsEntry("decidedBy", "official");
        assertThat(product(product)).containsEntry("costFen", 1200).containsEntry("priceVersion", 2);
        assertThat(api.call(OFFICIAL, HttpMethod.POST, "/api/catalog/cost-changes/" + change + "/approve", null).status())
                .isEqualTo(409);
    }

    @Test
    void aRejectedCostChangeLeavesTheProductAsItWas() {
        UUID product = api.certified(seller, Map.of());
        Reply asked = api.call(sellerUser, HttpMethod.PUT, "/api/catalog/products/" + product + "/price", Map.of(
                "priceFen", 4990, "costFen", 1000, "costReason", "包装", "evidence", "发票 No. 88"));
        String change = (String) asked.body().get("id");

        Reply rejected = api.call(OFFICIAL, HttpMethod.POST, "/api/catalog/cost-changes/" + change + "/reject",
                Map.of("reason", "发票与运单不符"));

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body()).containsEntry("status", "REJECTED").containsEntry("decisionNote", "发票与运单不符");
        assertThat(product(product)).containsEntry("costFen", 600).containsEntry("priceVersion", 1);
        Reply history = api.call(sellerUser, HttpMethod.GET, "/api/catalog/products/" + product + "/cost-changes", null);
        assertThat(((List<?>) history.body().get("items"))).hasSize(1);
    }

    @Test
    void aCostRaiseOnACertifiedProductNeedsEvidenceAndLoweringItDoesNot() {
        UUID product = api.certified(seller, Map.of());

        Reply bare = api.call(sellerUser, HttpMethod.PUT, "/api/catalog/products/" + product + "/price", Map.of(
                "priceFen", 4990, "costFen", 1000, "costReason", "包装"));
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.body().get("errors").toString()).contains("evidence");

        Reply lower = api.call(sellerUser, HttpMethod.PUT, "/api/catalog/products/" + product + "/price", Map.of(
                "priceFen", 5290, "costFen", 500, "costReason", "包装"));
        assertThat(lower.status()).isEqualTo(200);
        assertThat(lower.body()).containsEntry("costFen", 500).containsEntry("priceVersion", 2);
    }

    @Test
    void refusesACostAboveItsCategorysShareOfThePrice() {
        UUID draft = api.draft(seller, Map.of());

        Reply allOfIt = api.call(sellerUser, HttpMethod.PUT, "/api/catalog/products/" + draft + "/price", Map.of(
                "priceFen", 4990, "costFen", 4990, "costReason", "包装"));

        assertThat(allOfIt.status()).isEqualTo(400);
        assertThat(allOfIt.body().get("errors").toString()).contains("costFen", "25%");
        Reply listed = api.call(sellerUser, HttpMethod.POST, "/api/catalog/products",
                CatalogApi.productBody(Map.of("priceFen", 1000, "costFen", 900)));
        assertThat(listed.status()).isEqualTo(400);
        assertThat(product(draft)).containsEntry("costFen", 600);
    }

    @Test
    void stockThatWouldOverflowIsRefusedAsBadInputNotAServerError() {
        UUID product = api.draft(seller, Map.of("stock", 10_000_000));
        int last = 0;
        for (int i = 0; i < 220 && last != 409; i++) {
            Reply restock = api.call(sellerUser, HttpMethod.POST, "/api/catalog/products/" + product + "/stock",
                    Map.of("delta", 10_000_000));
            last = restock.status();
            assertThat(last).as(restock.body().toString()).isIn(200, 409);
        }
        assertThat(last).isEqualTo(409);
        assertThat(((Number) product(product).get("stock")).longValue()).isPositive().isLessThanOrEqualTo(Integer.MAX_VALUE);
    }

    private Map<String, Object> product(UUID id) {
        return api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products/" + id, null).body();
    }
}
