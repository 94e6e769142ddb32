package io.fupin.household.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.testing.EventContracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * This consumer's records against what the producer really emits (its committed samples in docs/events/samples):
 * a field read here that the producer renamed or removed fails this test.
 */
class ProductEventsContractTests {

    @Test
    void readsTheProducersSamplesIntoItsOwnRecords() {
        var events = EventContracts.readSamples("catalog-service.product-events.v1", ProductEventMessage.class,
                JsonMapper.builder().build());

        assertThat(events).<Class<?>>extracting(event -> event.payload().getClass())
                .containsExactlyInAnyOrder(ProductEventMessage.ProductListed.class,
                        ProductEventMessage.ProductUpdated.class, ProductEventMessage.ProductCertified.class,
                        ProductEventMessage.ProductCertificationRevoked.class,
                        ProductEventMessage.ProductCertificationExpired.class,
                        ProductEventMessage.ProductSuspended.class, ProductEventMessage.ProductDelisted.class,
                        ProductEventMessage.StockChanged.class);
        EventContracts.assertDocumentedConsumer("catalog-service.product-events.v1", "household-product-events");
    }
}
