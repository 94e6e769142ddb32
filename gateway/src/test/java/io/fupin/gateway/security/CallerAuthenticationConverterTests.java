package io.fupin.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.gateway.identity.SellerGrants;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CallerAuthenticationConverterTests {

    static final UUID GOOSE_COOPERATIVE = UUID.fromString("5b8e2f40-1c2d-4e3f-8a9b-0c1d2e3f4a5b");

    /** What catalog-service was asked, by path; it grants {@link #GOOSE_COOPERATIVE} to the user "approved" only. */
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private boolean catalogDown;

    private final AuthProperties devIssuer = new AuthProperties(null, null, null, null);
    private final AuthProperties keycloak = new AuthProperties("sub", "realm_access.roles", "seller_id", null);

    @Test
    void readsRolesFromTheDevelopmentIssuersClaim() {
        Jwt jwt = jwt(Map.of("sub", "seller", "roles", List.of("SELLER"), "seller_id", "7d0f5a52-3c1e-4a8e-9f3e-2b6f1c9d4e10"));

        AbstractAuthenticationToken token = converter(devIssuer).convert(jwt).block();

        assertThat(token.getName()).isEqualTo("seller");
        assertThat(authorities(token)).containsExactly("ROLE_SELLER");
        assertThat(new CallerCapture(devIssuer).callerOf(token))
                .isEqualTo(Caller.of("seller", UUID.fromString("7d0f5a52-3c1e-4a8e-9f3e-2b6f1c9d4e10"), "SELLER"));
    }

    @Test
    void readsKeycloakRealmRolesWhateverTheirCaseAndDropsTheRest() {
        Jwt jwt = jwt(Map.of("sub", "f3b1c2d4-0000-4000-8000-000000000001",
                "realm_access", Map.of("roles", List.of("clerk", "offline_access", "uma_authorization", "default-roles-fupin"))));

        AbstractAuthenticationToken token = converter(keycloak).convert(jwt).block();

        assertThat(authorities(token)).containsExactly("ROLE_CLERK");
        assertThat(new CallerCapture(keycloak).callerOf(token).roles()).containsExactly(Role.CLERK);
    }

    @Test
    void neverGrantsTheServiceRole() {
        Jwt jwt = jwt(Map.of("sub", "x", "roles", List.of("SERVICE", "ADMIN")));

        assertThat(authorities(converter(devIssuer).convert(jwt).block())).containsExactly("ROLE_ADMIN");
    }

    @Test
    void acceptsRolesAsASpaceOrCommaSeparatedString() {
        Jwt jwt = jwt(Map.of("sub", "x", "roles", "consumer seller,ADMIN"));

        assertThat(authorities(converter(devIssuer).convert(jwt).block()))
                .containsExactlyInAnyOrder("ROLE_CONSUMER", "ROLE_SELLER", "ROLE_ADMIN");
    }

    @Test
    void namesTheCallerAfterTheConfiguredClaim() {
        Jwt jwt = jwt(Map.of("sub", "f3b1", "preferred_username", "wang.fang", "roles", List.of()));

        AbstractAuthenticationToken token = converter(new AuthProperties("preferred_username", null, null, null))
                .convert(jwt).block();

        assertThat(token.getName()).isEqualTo("wang.fang");
        assertThat(authorities(token)).isEmpty();
    }

    @Test
    void refusesATokenWithoutUser() {
        Jwt jwt = jwt(Map.of("roles", List.of("ADMIN")));

        StepVerifier.create(converter(devIssuer).convert(jwt))
                .expectError(InvalidBearerTokenException.class).verify();
    }

    @Test
    void ignoresAMalformedSellerId() {
        Jwt jwt = jwt(Map.of("sub", "seller", "roles", List.of("SELLER"), "seller_id", "not-a-uuid"));

        Caller caller = new CallerCapture(devIssuer).callerOf(converter(devIssuer).convert(jwt).block());

        assertThat(caller).isEqualTo(new Caller("seller", Set.of(Role.SELLER), null));
    }

    @Test
    void givesAConsumerWhoseApplicationWasApprovedTheSellerRoleAndItsSeller() {
        Jwt jwt = jwt(Map.of("sub", "approved", "roles", List.of("CONSUMER")));

        AbstractAuthenticationToken token = converter(devIssuer).convert(jwt).block();

        assertThat(authorities(token)).containsExactlyInAnyOrder("ROLE_CONSUMER", "ROLE_SELLER");
        assertThat(new CallerCapture(devIssuer).callerOf(token))
                .isEqualTo(new Caller("approved", Set.of(Role.CONSUMER, Role.SELLER), GOOSE_COOPERATIVE));
        assertThat(asked).containsExactly("/internal/seller-grants/approved");
    }

    @Test
    void givesAPendingOrRejectedApplicantNothingMore() {
        Jwt jwt = jwt(Map.of("sub", "waiting", "roles", List.of("CONSUMER")));

        AbstractAuthenticationToken token = converter(devIssuer).convert(jwt).block();

        assertThat(authorities(token)).containsExactly("ROLE_CONSUMER");
        assertThat(new CallerCapture(devIssuer).callerOf(token).sellerId()).isNull();
    }

    @Test
    void asksOnlyAboutTheCallerItselfAndNeverReplacesTheSellerItsTokenNames() {
        UUID own = UUID.fromString("7d0f5a52-3c1e-4a8e-9f3e-2b6f1c9d4e10");
        Jwt seller = jwt(Map.of("sub", "approved", "roles", List.of("SELLER"), "seller_id", own.toString()));
        Jwt consumerWithSeller = jwt(Map.of("sub", "approved", "roles", List.of("CONSUMER"), "seller_id", own.toString()));
        Jwt official = jwt(Map.of("sub", "approved", "roles", List.of("OFFICIAL")));

        assertThat(new CallerCapture(devIssuer).callerOf(converter(devIssuer).convert(seller).block()).sellerId()).isEqualTo(own);
        assertThat(authorities(converter(devIssuer).convert(consumerWithSeller).block())).containsExactly("ROLE_CONSUMER");
        assertThat(authorities(converter(devIssuer).convert(official).block())).containsExactly("ROLE_OFFICIAL");
        assertThat(asked).isEmpty();
        // a user id that reads like a path goes as one encoded segment
        converter(devIssuer).convert(jwt(Map.of("sub", "../approved", "roles", List.of("CONSUMER")))).block();
        assertThat(asked).containsExactly("/internal/seller-grants/..%2Fapproved");
    }

    @Test
    void keepsWhatTheTokenSaysWhenCatalogServiceDoesNotAnswer() {
        catalogDown = true;
        Jwt jwt = jwt(Map.of("sub", "approved", "roles", List.of("CONSUMER")));

        assertThat(authorities(converter(devIssuer).convert(jwt).block())).containsExactly("ROLE_CONSUMER");
    }

    private CallerAuthenticationConverter converter(AuthProperties properties) {
        WebClient catalog = WebClient.builder().baseUrl("http://catalog-service").exchangeFunction(request -> {
            asked.add(request.url().getRawPath());
            assertThat(request.headers().getFirst("X-Fupin-Roles")).isEqualTo("SERVICE");
            if (catalogDown) {
                return Mono.error(new java.net.ConnectException("Connection refused"));
            }
            if (request.url().getRawPath().equals("/internal/seller-grants/approved")) {
                return Mono.just(ClientResponse.create(HttpStatus.OK)
                        .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                        .body("{\"userId\":\"approved\",\"sellerId\":\"" + GOOSE_COOPERATIVE + "\"}").build());
            }
            return Mono.just(ClientResponse.create(HttpStatus.NOT_FOUND)
                    .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE).body("{}").build());
        }).build();
        IdentitySignature signature = new IdentitySignature("0123456789abcdef0123456789abcdef", Duration.ofMinutes(1),
                Clock.systemUTC());
        return new CallerAuthenticationConverter(properties, new SellerGrants(catalog, signature, Duration.ofSeconds(30),
                Clock.systemUTC()));
    }

    private static Set<String> authorities(AbstractAuthenticationToken token) {
        return token.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(java.util.stream.Collectors.toSet());
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").claims(c -> c.putAll(claims))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
