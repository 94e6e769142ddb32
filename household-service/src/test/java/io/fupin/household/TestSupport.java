package io.fupin.household;

import io.fupin.household.product.KnownProducts;
import io.fupin.support.testing.ServiceTestSupport;
import io.fupin.support.testing.SignedIdentity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

@TestConfiguration(proxyBeanMethods = false)
@Import(ServiceTestSupport.class)
public class TestSupport {

    /** The service's API and topics, for tests; lazy because the port is known only once the server runs. */
    @Bean
    @Lazy
    Api api(ApplicationContext context, SignedIdentity identity,
            @Value("${spring.embedded.kafka.brokers}") String brokers, KnownProducts products) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort(), identity, brokers,
                productId -> products.ownerOf(productId).orElse(null));
    }
}
