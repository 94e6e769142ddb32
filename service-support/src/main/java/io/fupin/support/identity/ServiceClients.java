package io.fupin.support.identity;

import java.time.Duration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The client one service calls another with: its base address, its timeouts, and the signed service identity. */
public final class ServiceClients {

    private ServiceClients() {
    }

    public static RestClient signed(RestClient.Builder builder, ServiceIdentityInterceptor identity, String baseUrl,
            Duration connectTimeout, Duration readTimeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(connectTimeout);
        requests.setReadTimeout(readTimeout);
        return builder.baseUrl(baseUrl).requestFactory(requests).requestInterceptor(identity).build();
    }
}
