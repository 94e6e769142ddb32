package io.fupin.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.seller.SellerId;
import io.fupin.support.testing.EventContracts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every product event carries the product as it stands: with every field at the largest the API and its
 * columns accept, each stays far below Kafka's record limit.
 */
class ProductEventSizeTests {

    @Test
    void everyProductEventOfTheLargestProductStaysUnderTheRecordLimit() {
        Instant at = Instant.parse("2026-11-30T08:00:00Z");
        ProductEvent.State largest = new ProductEvent.State(new ProductId(UUID.randomUUID()),
                new SellerId(UUID.randomUUID()), "岗".repeat(200),
                "稻".repeat(200), ProductCategory.values()[0], "花".repeat(100), "香".repeat(ProductRules.MAX_DESCRIPTION),
                "袋".repeat(50), ProductRules.MAX_PRICE_FEN, ProductRules.MAX_PRICE_FEN, "费".repeat(500),
                ProductRules.MAX_STOCK, "镇".repeat(100), "村".repeat(100), ProductStatus.CERTIFICATION_EXPIRED,
                new ProductEvent.CertificateState("C".repeat(64), "办".repeat(200), LocalDate.MIN, LocalDate.MAX),
                new ProductEvent.PresaleState(LocalDate.MAX, Integer.MAX_VALUE), Integer.MAX_VALUE, at,
                Long.MAX_VALUE, at);
        JsonMapper json = JsonMapper.builder().build();

        List<ProductEvent> events = List.of(new ProductEvent.ProductListed(largest),
                new ProductEvent.ProductUpdated(largest), new ProductEvent.ProductCertified(largest),
                new ProductEvent.ProductCertificationRevoked(largest),
                new ProductEvent.ProductCertificationExpired(largest), new ProductEvent.ProductSuspended(largest),
                new ProductEvent.ProductDelisted(largest), new ProductEvent.StockChanged(largest));
        assertThat(events).<Class<?>>extracting(Object::getClass).as("a size case for every product event type")
                .containsExactlyInAnyOrder(ProductEvent.class.getPermittedSubclasses());

        for (ProductEvent event : events) {
            assertThat(EventContracts.assertUnderRecordLimit(ProductEvent.of(event, at), json)).isLessThan(40_000);
        }
    }

    @Test
    void docsEventsMdNamesTheTopicAndEveryEventType() {
        EventContracts.assertDocumented(ProductEvent.class);
    }
}
