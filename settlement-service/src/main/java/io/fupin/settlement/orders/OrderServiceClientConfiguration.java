package io.fupin.settlement.orders;

import io.fupin.support.identity.ServiceIdentityInterceptor;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class OrderServiceClientConfiguration {

    @Bean
    RestClient orderServiceRestClient(RestClient.Builder builder, ServiceIdentityInterceptor identity,
            @Value("${fupin.orders.url}") String ordersUrl,
            @Value("${fupin.orders.connect-timeout:PT1S}") Duration connectTimeout,
            @Value("${fupin.orders.read-timeout:PT5S}") Duration readTimeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(connectTimeout);
        requests.setReadTimeout(readTimeout);
        return builder.baseUrl(ordersUrl).requestFactory(requests).requestInterceptor(identity).build();
    }
}
