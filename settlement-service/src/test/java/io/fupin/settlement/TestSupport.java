package io.fupin.settlement;

import io.fupin.support.testing.ServiceTestSupport;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;

@TestConfiguration(proxyBeanMethods = false)
@Import(ServiceTestSupport.class)
public class TestSupport {

    /** Closing a period asks order-service what it recorded: here its books kept by the tests. */
    @Bean
    DynamicPropertyRegistrar orderServiceUrl() {
        return registry -> registry.add("fupin.orders.url", () -> OrderServiceBook.get().url());
    }
}
