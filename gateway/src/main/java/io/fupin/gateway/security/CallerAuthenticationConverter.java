package io.fupin.gateway.security;

import io.fupin.gateway.identity.SellerGrants;
import io.fupin.support.identity.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
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
 *
 * <p>A consumer whose token names no seller is looked up in the {@link SellerGrants}: once an official approved
 * its seller application it gets the SELLER role and that seller's id, whatever issued the token.
 */
@Component
class CallerAuthenticationConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    /** A token's caller with the seller an approved application made of it, which its token does not name. */
    static final class GrantedSeller extends JwtAuthenticationToken {

        private final UUID sellerId;

        GrantedSeller(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String name, UUID sellerId) {
            super(jwt, authorities, name);
            this.sellerId = sellerId;
        }

        UUID sellerId() {
            return sellerId;
        }

        @Override
        public boolean equals(Object other) {
            return super.equals(other) && other instanceof GrantedSeller granted && sellerId.equals(granted.sellerId);
        }

        @Override
        public int hashCode() {
            return 31 * super.hashCode() + sellerId.hashCode();
        }
    }

    private final AuthProperties properties;
    private final SellerGrants grants;

    CallerAuthenticationConverter(AuthProperties properties, SellerGrants grants) {
        this.properties = properties;
        this.grants = grants;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        String claimed = Claims.string(jwt.getClaims(), properties.userClaim());
        String name = claimed != null ? claimed : jwt.getSubject();
        if (name == null || name.isBlank()) {
            return Mono.error(new InvalidBearerTokenException("The token names no user (claim " + properties.userClaim() + ")."));
        }
        Collection<GrantedAuthority> authorities = authorities(jwt);
        if (!mayHaveApplied(jwt, authorities)) {
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, name));
        }
        return grants.recentSellerOf(name).map(grant -> grant
                .<AbstractAuthenticationToken>map(seller -> new GrantedSeller(jwt, withSeller(authorities), name, seller))
                .orElseGet(() -> new JwtAuthenticationToken(jwt, authorities, name)));
    }

    /** Only a consumer who is no seller yet can have applied (catalog-service refuses anyone else). */
    private boolean mayHaveApplied(Jwt jwt, Collection<GrantedAuthority> authorities) {
        List<String> names = authorities.stream().map(GrantedAuthority::getAuthority).toList();
        String sellerId = Claims.string(jwt.getClaims(), properties.sellerIdClaim());
        return names.contains(Role.CONSUMER.authority()) && !names.contains(Role.SELLER.authority())
                && (sellerId == null || sellerId.isBlank());
    }

    private static Collection<GrantedAuthority> withSeller(Collection<GrantedAuthority> authorities) {
        List<GrantedAuthority> granted = new ArrayList<>(authorities);
        granted.add(new SimpleGrantedAuthority(Role.SELLER.authority()));
        return List.copyOf(granted);
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
