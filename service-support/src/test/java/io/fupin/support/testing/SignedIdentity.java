package io.fupin.support.testing;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import org.springframework.http.HttpHeaders;

/** Signs requests to a running service as the gateway would for the given caller. */
public record SignedIdentity(IdentitySignature signature) {

    public HttpHeaders headersFor(Caller caller) {
        HttpHeaders headers = new HttpHeaders();
        signature.headersFor(caller).forEach(headers::set);
        return headers;
    }
}
