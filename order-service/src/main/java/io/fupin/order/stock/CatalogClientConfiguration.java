package io.fupin.order.stock;

import io.fupin.support.identity.ServiceClients;
import io.fupin.support.identity.ServiceIdentityInterceptor;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class CatalogClientConfiguration {

    @Bean
    RestClient catalogRestClient(RestClient.Builder builder, ServiceIdentityInterceptor identity,
            @Value("${fupin.catalog.url}") String catalogUrl,
            @Value("${fupin.catalog.connect-timeout:PT1S}") Duration connectTimeout,
            @Value("${fupin.catalog.read-timeout:PT2S}") Duration readTimeout) {
        return ServiceClients.signed(builder, identity, catalogUrl, connectTimeout, readTimeout);
    }

    @Bean
    SoldOutMarks soldOutMarks(@Value("${fupin.catalog.sold-out-for:PT1S}") Duration markFor) {
        return new SoldOutMarks(markFor);
    }
}
