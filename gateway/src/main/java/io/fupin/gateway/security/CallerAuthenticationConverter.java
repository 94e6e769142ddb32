package io.fupin.gateway.security;

import io.fupin.support.identity.Role;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns a validated token into an authentication with the caller's name and roles, wherever the issuer
 * puts them. Only the {@link Role#PERSONAL} roles become authorities: anything else a token claims
 * (SERVICE included) is ignored.
 */
@Component
class CallerAuthenticationConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final AuthProperties properties;

    CallerAuthenticationConverter(AuthProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        String claimed = Claims.string(jwt.getClaims(), properties.userClaim());
        String name = claimed != null ? claimed : jwt.getSubject();
        if (name == null || name.isBlank()) {
            return Mono.error(new InvalidBearerTokenException("The token names no user (claim " + properties.userClaim() + ")."));
        }
        return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt), name));
    }

    private Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> claimed = Claims.strings(jwt.getClaims(), properties.rolesClaim());
        return claimed.stream()
                .flatMap(name -> Role.named(name).filter(Role.PERSONAL::contains).stream())
                .distinct()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
    }
}
