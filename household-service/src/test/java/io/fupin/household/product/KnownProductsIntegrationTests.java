package io.fupin.household.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
}
