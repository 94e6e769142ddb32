package io.fupin.support.testing;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import java.util.Locale;
import java.util.UUID;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Callers for {@code @WebMvcTest} slices, signed as the gateway signs them, so that the slice runs the real
 * identity filter and method security: {@code mvc.perform(get(...).with(callers.as(Role.CONSUMER)))}.
 */
public final class SignedCallers {

    public static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-00000000a11e");

    private final IdentitySignature signature;

    public SignedCallers(IdentitySignature signature) {
        this.signature = signature;
    }

    /** A caller holding one role; a seller is {@link #SELLER}. */
    public RequestPostProcessor as(Role role) {
        return as(Caller.of(role.name().toLowerCase(Locale.ROOT) + "-1", role == Role.SELLER ? SELLER : null, role));
    }

    public RequestPostProcessor as(Caller caller) {
        return request -> {
            signature.headersFor(caller).forEach(request::addHeader);
            return request;
        };
    }

    /** A visitor: signed by the gateway, but without a token. */
    public RequestPostProcessor anonymous() {
        return as(Caller.anonymous());
    }
}
