package io.fupin.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.test.StepVerifier;

class CallerAuthenticationConverterTests {

    private final AuthProperties devIssuer = new AuthProperties(null, null, null);
    private final AuthProperties keycloak = new AuthProperties("sub", "realm_access.roles", "seller_id");

    @Test
    void readsRolesFromTheDevelopmentIssuersClaim() {
        Jwt jwt = jwt(Map.of("sub", "seller", "roles", List.of("SELLER"), "seller_id", "7d0f5a52-3c1e-4a8e-9f3e-2b6f1c9d4e10"));

        AbstractAuthenticationToken token = new CallerAuthenticationConverter(devIssuer).convert(jwt).block();

        assertThat(token.getName()).isEqualTo("seller");
        assertThat(authorities(token)).containsExactly("ROLE_SELLER");
        assertThat(new CallerCapture(devIssuer).callerOf(token))
                .isEqualTo(Caller.of("seller", UUID.fromString("7d0f5a52-3c1e-4a8e-9f3e-2b6f1c9d4e10"), "SELLER"));
    }

    @Test
    void readsKeycloakRealmRolesWhateverTheirCaseAndDropsTheRest() {
        Jwt jwt = jwt(Map.of("sub", "f3b1c2d4-0000-4000-8000-000000000001",
                "realm_access", Map.of("roles", List.of("clerk", "offline_access", "uma_authorization", "default-roles-fupin"))));

        AbstractAuthenticationToken token = new CallerAuthenticationConverter(keycloak).convert(jwt).block();

        assertThat(authorities(token)).containsExactly("ROLE_CLERK");
        assertThat(new CallerCapture(keycloak).callerOf(token).roles()).containsExactly(Role.CLERK);
    }

    @Test
    void neverGrantsTheServiceRole() {
        Jwt jwt = jwt(Map.of("sub", "x", "roles", List.of("SERVICE", "ADMIN")));

        assertThat(authorities(new CallerAuthenticationConverter(devIssuer).convert(jwt).block())).containsExactly("ROLE_ADMIN");
    }

    @Test
    void acceptsRolesAsASpaceOrCommaSeparatedString() {
        Jwt jwt = jwt(Map.of("sub", "x", "roles", "consumer seller,ADMIN"));

        assertThat(authorities(new CallerAuthenticationConverter(devIssuer).convert(jwt).block()))
                .containsExactlyInAnyOrder("ROLE_CONSUMER", "ROLE_SELLER", "ROLE_ADMIN");
    }

    @Test
    void namesTheCallerAfterTheConfiguredClaim() {
        Jwt jwt = jwt(Map.of("sub", "f3b1", "preferred_username", "wang.fang", "roles", List.of()));

        AbstractAuthenticationToken token = new CallerAuthenticationConverter(new AuthProperties("preferred_username", null, null))
                .convert(jwt).block();

        assertThat(token.getName()).isEqualTo("wang.fang");
        assertThat(authorities(token)).isEmpty();
    }

    @Test
    void refusesATokenWithoutUser() {
        Jwt jwt = jwt(Map.of("roles", List.of("ADMIN")));

        StepVerifier.create(new CallerAuthenticationConverter(devIssuer).convert(jwt))
                .expectError(InvalidBearerTokenException.class).verify();
    }

    @Test
    void ignoresAMalformedSellerId() {
        Jwt jwt = jwt(Map.of("sub", "seller", "roles", List.of("SELLER"), "seller_id", "not-a-uuid"));

        Caller caller = new CallerCapture(devIssuer).callerOf(new CallerAuthenticationConverter(devIssuer).convert(jwt).block());

        assertThat(caller).isEqualTo(new Caller("seller", Set.of(Role.SELLER), null));
    }

    private static Set<String> authorities(AbstractAuthenticationToken token) {
        return token.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(java.util.stream.Collectors.toSet());
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").claims(c -> c.putAll(claims))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
