package io.fupin.gateway.security;

import io.fupin.gateway.identity.CallerAttribute;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sits in the security chain between authentication and authorization and records who the caller is,
 * so that a 403 is logged with its user and everything after security (identity relay, rate limits)
 * reads one decided {@link Caller}.
 */
class CallerCapture implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(CallerCapture.class);

    private final AuthProperties properties;

    CallerCapture(AuthProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(this::callerOf)
                .defaultIfEmpty(Caller.anonymous())
                .doOnNext(caller -> CallerAttribute.set(exchange, caller))
                .then(chain.filter(exchange));
    }

    Caller callerOf(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            return Caller.anonymous();
        }
        Set<Role> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .flatMap(authority -> Role.named(authority.substring("ROLE_".length())).stream())
                .collect(Collectors.toSet());
        return new Caller(token.getName(), roles, sellerId(token));
    }

    private UUID sellerId(JwtAuthenticationToken token) {
        if (token instanceof CallerAuthenticationConverter.GrantedSeller granted) {
            return granted.sellerId();
        }
        String value = Claims.string(token.getToken().getClaims(), properties.sellerIdClaim());
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            // A malformed seller id is the issuer's mistake; the caller keeps its roles and acts for no seller.
            log.warn("Ignoring malformed {} claim of user {}", properties.sellerIdClaim(), token.getName());
            return null;
        }
    }
}
