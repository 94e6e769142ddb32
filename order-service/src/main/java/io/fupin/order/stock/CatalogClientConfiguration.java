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
            @Value("${fupin.catalog.read-timeout:PT2S}") Duration readTimeout,
            @Value("${resilience4j.bulkhead.instances.catalog.max-concurrent-calls:10}") int callsAtOnce) {
        // HttpURLConnection keeps 5 idle connections per destination unless told otherwise (read once, at its first
        // use): keep as many as the bulkhead lets through, or half the calls of a rush open and close a connection.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(Math.max(5, callsAtOnce)));
        }
        return ServiceClients.signed(builder, identity, catalogUrl, connectTimeout, readTimeout);
    }

    @Bean
    SoldOutMarks soldOutMarks(@Value("${fupin.catalog.sold-out-for:PT1S}") Duration markFor) {
        return new SoldOutMarks(markFor);
    }
}
