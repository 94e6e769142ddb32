package io.fupin.web;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param gatewayUrl      where the API is: every call goes through the gateway, never straight to a service
 * @param publicUrl       the address people open (the gateway's), printed in trace codes
 * @param connectTimeout  per call to the gateway
 * @param readTimeout     per call to the gateway
 * @param featuredProduct the name searched for the home page's livestream product of the day
 */
@ConfigurationProperties("fupin.web")
public record WebProperties(URI gatewayUrl, URI publicUrl, Duration connectTimeout, Duration readTimeout,
        String featuredProduct) {

    public WebProperties {
        gatewayUrl = gatewayUrl == null ? URI.create("http://127.0.0.1:8080") : gatewayUrl;
        publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        featuredProduct = featuredProduct == null ? "" : featuredProduct;
    }
}
