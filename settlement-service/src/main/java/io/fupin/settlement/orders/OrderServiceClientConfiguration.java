package io.fupin.settlement.orders;

import io.fupin.support.identity.ServiceClients;
import io.fupin.support.identity.ServiceIdentityInterceptor;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class OrderServiceClientConfiguration {

    @Bean
    RestClient orderServiceRestClient(RestClient.Builder builder, ServiceIdentityInterceptor identity,
            @Value("${fupin.orders.url}") String ordersUrl,
            @Value("${fupin.orders.connect-timeout:PT1S}") Duration connectTimeout,
            @Value("${fupin.orders.read-timeout:PT5S}") Duration readTimeout) {
        return ServiceClients.signed(builder, identity, ordersUrl, connectTimeout, readTimeout);
    }
}
