package io.fupin.catalog.product;

import static io.fupin.catalog.CatalogApi.ADMIN;
import static io.fupin.catalog.CatalogApi.OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.CatalogApi;
import io.fupin.catalog.IntegrationTest;
import io.fupin.catalog.seller.SellerId;
import io.fupin.support.events.EventEnvelope;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.CallerAuthentication;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;

/** Each use case of a product's life publishes its event, keyed by the product. */
@IntegrationTest
@EnableScenarios
class ProductEventScenarioIntegrationTests {

    @Autowired
    ProductCatalog catalog;
    @Autowired
    CatalogApi api;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void listingCertifyingSuspendingRevokingAndDelistingEachPublishTheirEvent(Scenario scenario) {
        UUID seller = api.registerSeller();
        as(ADMIN);
        ProductId product = publishes(scenario, () -> catalog.list(ADMIN, new NewProduct(new SellerId(seller), "稻花香大米",
                ProductCategory.RICE, "永发鳅田", "五常稻花香，当年新米", "5 kg bag", 4990, 600, "packaging and freight",
                100, null, null)), "ProductListed").id();
        publishes(scenario, () -> catalog.requestCertification(product, new ProductChanges.RequestCertification(
                "FP-2026-" + product.value().toString().substring(0, 8), "哈尔滨市扶贫办", LocalDate.now().minusDays(30),
                LocalDate.now().plusYears(1))), "ProductUpdated");
        as(OFFICIAL);
        publishes(scenario, () -> catalog.approveCertification(product), "ProductCertified");
        publishes(scenario, () -> catalog.suspend(product, "抽检不合格"), "ProductSuspended");
        publishes(scenario, () -> catalog.reinstate(product), "ProductUpdated");
        as(ADMIN);
        publishes(scenario, () -> catalog.revokeCertification(product, "证书被撤销"),
                "ProductCertificationRevoked");
        publishes(scenario, () -> catalog.delist(product), "ProductDelisted");
    }

    /** Runs the use case and expects its event, of the product the use case answered. */
    private static ProductView publishes(Scenario scenario, Supplier<ProductView> useCase, String eventType) {
        AtomicReference<ProductView> answer = new AtomicReference<>();
        scenario.stimulate(useCase)
                .andWaitForEventOfType(EventEnvelope.class)
                .matching(event -> event.eventType().equals(eventType))
                .toArriveAndVerify((event, view) -> {
                    assertThat(event.aggregateId()).isEqualTo(view.id().value().toString());
                    assertThat(event.payload()).isInstanceOfSatisfying(ProductEvent.class,
                            payload -> assertThat(payload.product().productId()).isEqualTo(view.id()));
                    answer.set(view);
                });
        return answer.get();
    }

    private static void as(Caller caller) {
        SecurityContextHolder.getContext().setAuthentication(CallerAuthentication.of(caller));
    }
}
