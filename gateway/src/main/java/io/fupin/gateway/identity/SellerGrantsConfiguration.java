package io.fupin.gateway.identity;

import io.fupin.support.identity.IdentitySignature;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** catalog-service reached through the load balancer, over the instances the routes use too ({@code CATALOG_URL}). */
@Configuration(proxyBeanMethods = false)
class SellerGrantsConfiguration {

    @Bean
    SellerGrants sellerGrants(ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers, IdentitySignature signature,
            @Value("${fupin.gateway.seller-grants.timeout:2s}") Duration timeout) {
        WebClient catalog = WebClient.builder()
                .baseUrl("http://catalog-service")
                .filter(new ReactorLoadBalancerExchangeFilterFunction(loadBalancers, List.of()))
                .build();
        return new SellerGrants(catalog, signature, timeout, Clock.systemUTC());
    }
}
