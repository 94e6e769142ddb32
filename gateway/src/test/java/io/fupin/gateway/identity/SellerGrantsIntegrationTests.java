package io.fupin.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.gateway.FakeBackend;
import io.fupin.gateway.GatewayIntegrationTest;
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
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import tools.jackson.databind.JsonNode;

/**
 * An approved seller application becomes effective through the gateway: a login of the applicant after the approval
 * carries the SELLER role and the seller's id, and so does any token of that user that names no seller (an OIDC
 * provider's), while the signed identity the services get never names a seller catalog-service did not grant.
 */
class SellerGrantsIntegrationTests extends GatewayIntegrationTest {

    private static final IdentitySignature SERVICES_VIEW = new IdentitySignature(
            "integration-test-secret-0123456789abcdef", Duration.ofSeconds(60), Clock.systemUTC());

    @Autowired
    ReactiveJwtDecoder decoder;

    @Test
    void theApplicantLogsInAgainAfterTheApprovalAndActsForItsSeller() {
        JsonNode before = login("applicant");
        assertThat(before.get("roles").toString()).isEqualTo("[\"CONSUMER\"]");
        assertThat(forwardedCaller(before.get("accessToken").asString()))
                .isEqualTo(new Caller("applicant", Set.of(Role.CONSUMER), null));
        assertThat(listAProduct(before.get("accessToken").asString())).isEqualTo(403);

        UUID goose = UUID.randomUUID();
        FakeBackend.grant("applicant", goose);
        JsonNode after = login("applicant");

        assertThat(after.get("roles").toString()).isEqualTo("[\"CONSUMER\",\"SELLER\"]");
        Jwt jwt = decoder.decode(after.get("accessToken").asString()).block();
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CONSUMER", "SELLER");
        assertThat(jwt.getClaimAsString("seller_id")).isEqualTo(goose.toString());
        assertThat(forwardedCaller(after.get("accessToken").asString()))
                .isEqualTo(new Caller("applicant", Set.of(Role.CONSUMER, Role.SELLER), goose));
        assertThat(listAProduct(after.get("accessToken").asString())).isEqualTo(200);
    }

    @Test
    void aTokenOfAnotherIssuerGetsTheGrantOfItsOwnUserOnly() {
        UUID granted = UUID.randomUUID();
        String user = "oidc-" + UUID.randomUUID();
        FakeBackend.grant(user, granted);
        String approved = issuer.issue(user, List.of("CONSUMER"), null, Instant.now(), Duration.ofMinutes(5)).value();
        String stranger = issuer.issue("oidc-" + UUID.randomUUID(), List.of("CONSUMER"), null, Instant.now(),
                Duration.ofMinutes(5)).value();

        assertThat(forwardedCaller(approved)).isEqualTo(new Caller(user, Set.of(Role.CONSUMER, Role.SELLER), granted));
        assertThat(forwardedCaller(stranger).roles()).containsExactly(Role.CONSUMER);
        assertThat(forwardedCaller(stranger).sellerId()).isNull();
    }

    @Test
    void aSellerCannotBeMadeToActForAnotherSellerByAGrant() {
        UUID own = UUID.fromString("7d0f5a52-3c1e-4a8e-9f3e-2b6f1c9d4e10");
        FakeBackend.grant("seller", UUID.randomUUID());

        assertThat(forwardedCaller(login("seller").get("accessToken").asString()))
                .isEqualTo(Caller.of("seller", own, "SELLER"));
    }

    private JsonNode login(String user) {
        return client.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", user, "password", "fupin-demo"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Lists a product (the route admits sellers, officials and administrators only): the status the gateway answers. */
    private int listAProduct(String token) {
        return client.post().uri("/api/catalog/products").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"鹅蛋\"}")
                .exchange().returnResult(String.class).getStatus().value();
    }

    /** The caller catalog-service is told about when the token's holder asks it something. */
    private Caller forwardedCaller(String token) {
        String path = "/api/catalog/products?probe=" + UUID.randomUUID();
        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange().expectStatus().isOk();
        return SERVICES_VIEW.verify(FakeBackend.latest(path, CATALOG_A, CATALOG_B)::header);
    }
}
