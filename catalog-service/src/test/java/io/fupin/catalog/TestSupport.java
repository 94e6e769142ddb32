package io.fupin.catalog;

import io.fupin.support.testing.ServiceTestSupport;
import io.fupin.support.testing.SignedIdentity;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.test.context.DynamicPropertyRegistrar;

@TestConfiguration(proxyBeanMethods = false)
@Import(ServiceTestSupport.class)
public class TestSupport {

    /**
     * The service reaches Elasticsearch through a link the degraded-search tests can cut; benchmarks
     * ({@code -Pbench}) talk to the node directly so that the relay adds nothing to what they measure.
     */
    @Bean
    static DynamicPropertyRegistrar elasticsearchThroughLink() {
        return registry -> {
            if (!Boolean.getBoolean("catalog.bench")) {
                registry.add("spring.elasticsearch.uris", () -> ElasticsearchLink.get().url());
            }
        };
    }

    /**
     * The service's API, and the sellers and products made through it, for every integration test; lazy because
     * the port is known only once the server runs.
     */
    @Bean
    @Lazy
    CatalogApi catalogApi(ApplicationContext context, SignedIdentity identity) {
        return new CatalogApi(((WebServerApplicationContext) context).getWebServer().getPort(), identity);
    }
}
