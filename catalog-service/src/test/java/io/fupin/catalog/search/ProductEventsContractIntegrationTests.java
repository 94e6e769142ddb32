package io.fupin.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.fupin.catalog.IntegrationTest;
import io.fupin.catalog.product.ProductEvent;
import io.fupin.catalog.product.ProductId;
import io.fupin.support.testing.EventContracts;
import io.fupin.support.testing.EventContracts.Sample;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search index applies what the product events really carry (the committed samples in docs/events/samples)
 * through its listener, into Elasticsearch: a field the index reads that the producer renamed or removed fails
 * this test, and so does a document that differs from its sample.
 */
@IntegrationTest
class ProductEventsContractIntegrationTests {

    @Autowired
    SearchIndexer indexer;
    @Autowired
    SearchIndex index;
    @Autowired
    ElasticsearchClient elasticsearch;

    @Test
    void indexesEachProductEventAsItsProductNowStands() throws IOException {
        Map<String, Sample<ProductEventMessage>> samples = EventContracts.samplesToApply(ProductEvent.TOPIC,
                ProductEventMessage.class, JsonMapper.builder().build());
        assertThat(samples.keySet()).containsExactlyInAnyOrder(
                java.util.Arrays.stream(ProductEventMessage.class.getPermittedSubclasses()).map(Class::getSimpleName)
                        .toArray(String[]::new));

        for (Sample<ProductEventMessage> committed : samples.values()) {
            // Each sample as another product, so that none is held back by a higher revision of the same one.
            UUID product = UUID.randomUUID();
            Sample<ProductEventMessage> sample = committed.with(committed.event().aggregateId(), product);
            ProductDocument expected = ProductDocument.of(sample.event().payload().product());
            assertThat(expected.id()).isEqualTo(new ProductId(product));

            indexer.on(sample.record());

            String type = sample.event().eventType();
            var indexed = elasticsearch.get(g -> g.index(index.alias()).id(product.toString()), Map.class);
            assertThat(indexed.found()).as(type).isTrue();
            assertThat(indexed.version()).as(type).isEqualTo(expected.revision());
            Map<?, ?> document = indexed.source();
            assertThat(document.get("id")).as(type).isEqualTo(product.toString());
            assertThat(document.get("name")).as(type).isEqualTo(expected.name());
            assertThat(document.get("sellerId")).as(type).isEqualTo(expected.sellerId().toString());
            assertThat(document.get("status")).as(type).isEqualTo(expected.status().name());
            assertThat(((Number) document.get("priceFen")).longValue()).as(type).isEqualTo(expected.priceFen());
            assertThat(((Number) document.get("stock")).intValue()).as(type).isEqualTo(expected.stock());
        }
        EventContracts.assertDocumentedConsumer(ProductEvent.TOPIC, "catalog.search-index");
    }
}
