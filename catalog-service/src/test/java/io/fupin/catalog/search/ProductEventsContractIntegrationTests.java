package io.fupin.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.product.ProductEvent;
import io.fupin.support.testing.EventContracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search index's records against what the product events really carry (the committed samples in
 * docs/events/samples): a field the index reads that the producer renamed or removed fails this test.
 */
class ProductEventsContractTests {

    @Test
    void readsTheProducersSamplesIntoItsOwnRecordsAndIndexesThem() {
        var events = EventContracts.readSamples(ProductEvent.TOPIC, ProductEventMessage.class,
                JsonMapper.builder().build());

        assertThat(events).<Class<?>>extracting(event -> event.payload().getClass())
                .containsExactlyInAnyOrder(ProductEventMessage.class.getPermittedSubclasses());
        assertThat(events).allSatisfy(event -> {
            ProductDocument document = ProductDocument.of(event.payload().product());
            assertThat(document.id().toString()).isEqualTo(event.aggregateId());
            assertThat(document.name()).isNotBlank();
            assertThat(document.revision()).isNotNegative();
        });
        EventContracts.assertDocumentedConsumer(ProductEvent.TOPIC, "catalog.search-index");
    }
}
