package io.fupin.order;

import io.fupin.support.testing.ServiceTestSupport;
import io.fupin.support.testing.SignedIdentity;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.test.context.DynamicPropertyRegistrar;
import tools.jackson.databind.json.JsonMapper;

@TestConfiguration(proxyBeanMethods = false)
@Import(ServiceTestSupport.class)
public class TestSupport {

    /** order-service talks to a real catalog-service, started from its jar once per test JVM. */
    @Bean
    DynamicPropertyRegistrar catalogUrl() {
        return registry -> registry.add("fupin.catalog.url", () -> RunningCatalog.get().url());
    }

    /** The service and its catalog over HTTP; lazy because the port is known only once the server runs. */
    @Bean
    @Lazy
    Shop shop(ApplicationContext context, SignedIdentity identity, JsonMapper json) {
        return new Shop(((WebServerApplicationContext) context).getWebServer().getPort(), identity, json);
    }
}
