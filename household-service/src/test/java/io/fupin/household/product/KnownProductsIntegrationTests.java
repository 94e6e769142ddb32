package io.fupin.household.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import io.fupin.support.testing.EventContracts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class KnownProductsIntegrationTests {

    static final String TOPIC = "catalog-service.product-events.v1";

    @Autowired
    Api api;

    @Autowired
    KnownProducts products;

    @Test
    void keepsTheOwnerOfTheLatestRevisionWhateverOrderEventsArriveIn() {
        UUID product = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        UUID earlierSeller = UUID.randomUUID();
        UUID marker = UUID.randomUUID();

        api.send(TOPIC, product.toString(), Fixtures.productListed(product, seller, 5));
        api.send(TOPIC, product.toString(), Fixtures.productListed(product, earlierSeller, 4));
        api.send(TOPIC, product.toString(), Fixtures.productListed(product, seller, 5));
        // one more product on the same key's partition: once it is known, the three records before it were applied
        api.send(TOPIC, product.toString(), Fixtures.productListed(marker, seller, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> products.ownerOf(marker).isPresent());

        assertThat(products.ownerOf(product)).contains(seller);
        assertThat(products.ownerOf(UUID.randomUUID())).isEmpty();
    }

    @Test
    void recordsTheOwnerFromEachProductEventCatalogServiceReallyEmits() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> samples = Files.list(EventContracts.samples(TOPIC))) {
            for (Path sample : samples.sorted().toList()) {
                // Each sample applied as another product, so that none is held back by a higher revision.
                UUID product = UUID.randomUUID();
                String event = Files.readString(sample);
                JsonNode read = json.readTree(event);
                UUID seller = UUID.fromString(read.at("/payload/sellerId").asString());
                String value = event.replace(read.get("eventId").asString(), UUID.randomUUID().toString())
                        .replace(read.get("aggregateId").asString(), product.toString());

                api.send(TOPIC, product.toString(), value);

                await(sample.getFileName().toString()).atMost(Duration.ofSeconds(30))
                        .until(() -> products.ownerOf(product).isPresent());
                assertThat(products.ownerOf(product)).as(sample.getFileName().toString()).contains(seller);
            }
        }
    }
}
