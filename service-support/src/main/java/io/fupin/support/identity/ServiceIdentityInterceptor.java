package io.fupin.support.identity;

import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/** Signs a service-to-service call as {@code service:<name>} with the role {@link Role#SERVICE}. */
public class ServiceIdentityInterceptor implements ClientHttpRequestInterceptor {

    private final IdentitySignature signature;
    private final Caller self;

    public ServiceIdentityInterceptor(IdentitySignature signature, String serviceName) {
        this.signature = signature;
        this.self = new Caller("service:" + serviceName, Set.of(Role.SERVICE), null);
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        IdentityHeaders.ALL.forEach(request.getHeaders()::remove);
        signature.headersFor(self).forEach(request.getHeaders()::set);
        return execution.execute(request, body);
    }
}
