package io.fupin.household.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.IntegrationTest;
import io.fupin.support.testing.EventContracts;
import io.fupin.support.testing.EventContracts.Sample;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * household-service applies the product events catalog-service really emits (its committed samples in
 * docs/events/samples) through its listener, on the database: a field read here that the producer renamed or
 * removed fails this test, and so does a product recorded otherwise than its sample says.
 */
@IntegrationTest
class ProductEventsContractIntegrationTests {

    @Autowired
    ProductEventsListener listener;
    @Autowired
    KnownProducts products;
    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsTheOwnerStatusAndRevisionOfEachProductEventCatalogServiceEmits() {
        Map<String, Sample<ProductEventMessage>> samples = EventContracts.samplesToApply(ProductEventsListener.TOPIC,
                ProductEventMessage.class, JsonMapper.builder().build());
        assertThat(samples.keySet()).containsExactlyInAnyOrder("ProductListed", "ProductUpdated", "ProductCertified",
                "ProductCertificationRevoked", "ProductCertificationExpired", "ProductSuspended", "ProductDelisted",
                "StockChanged");

        for (Sample<ProductEventMessage> committed : samples.values()) {
            // Each sample as another product, so that none is held back by a higher revision of the same one.
            UUID product = UUID.randomUUID();
            Sample<ProductEventMessage> sample = committed.with(committed.event().payload().product().productId(), product);
            ProductEventMessage.State state = sample.event().payload().product();

            listener.on(sample.record());

            String type = sample.event().eventType();
            assertThat(products.ownerOf(product)).as(type).contains(state.sellerId());
            assertThat(jdbc.sql("SELECT status, revision FROM known_product WHERE product_id = ?")
                    .param(product.toString()).query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).single())
                    .as(type).isEqualTo(state.status() + " " + state.revision());
        }
        EventContracts.assertDocumentedConsumer(ProductEventsListener.TOPIC, "household-product-events");
    }
}
