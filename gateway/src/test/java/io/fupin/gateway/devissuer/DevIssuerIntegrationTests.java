package io.fupin.gateway.devissuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.fupin.gateway.GatewayIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

class DevIssuerIntegrationTests extends GatewayIntegrationTest {

    @Autowired
    ReactiveJwtDecoder decoder;

    @Autowired
    SigningKey signingKey;

    @Test
    void issuesAnRs256TokenWithTheUsersRolesAndSellerId() throws Exception {
        JsonNode answer = login("seller", "fupin-demo").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(answer.get("expiresIn").asLong()).isEqualTo(3600);
        assertThat(answer.get("roles").toString()).isEqualTo("[\"SELLER\"]");
        String token = answer.get("accessToken").asString();
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(signingKey.jwk().getKeyID());
        Jwt jwt = decoder.decode(token).block();
        assertThat(jwt.getSubject()).isEqualTo("seller");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SELLER");
        assertThat(jwt.getClaimAsString("seller_id")).isEqualTo("7d0f5a52-3c1e-4a8e-9f3e-2b6f1c9d4e10");
        assertThat(jwt.getExpiresAt()).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
    }

    @Test
    void listsItsUsersWithTheirRolesAndSellerButNoPasswordToAnAdministrator() {
        JsonNode users = client.get().uri("/api/auth/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf("admin"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(users.get("items").toString()).contains("{\"username\":\"seller\",\"roles\":[\"SELLER\"],"
                + "\"sellerId\":\"7d0f5a52-3c1e-4a8e-9f3e-2b6f1c9d4e10\"}", "{\"username\":\"clerk2\",\"roles\":[\"CLERK\"],"
                + "\"sellerId\":null}").doesNotContain("password", "fupin-demo");
        assertThat(users.get("items").get(0).get("username").asString()).isEqualTo("admin");
    }

    @Test
    void listsItsUsersToAdministratorsOnly() {
        for (String user : List.of("consumer", "seller", "clerk", "official")) {
            expectProblem(client.get().uri("/api/auth/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(user))
                    .exchange(), 403, "forbidden");
        }
        expectProblem(client.get().uri("/api/auth/users").exchange(), 401, "unauthenticated");
    }

    @Test
    void leavesTheSellerIdOutForOtherUsers() {
        Jwt jwt = decoder.decode(tokenOf("consumer")).block();
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CONSUMER");
        assertThat(jwt.hasClaim("seller_id")).isFalse();
    }

    @Test
    void refusesAWrongPasswordAsProblem() {
        expectProblem(login("clerk", "fupin-demo-not"), 401, "invalid-credentials");
    }

    @Test
    void refusesAnUnknownUserLikeAWrongPassword() {
        expectProblem(login("mallory", "fupin-demo"), 401, "invalid-credentials");
    }

    @Test
    void refusesALoginWithoutUsername() {
        expectProblem(client.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "fupin-demo")).exchange(), 400, "invalid-request");
    }

    @Test
    void publishesThePublicKeyOnly() {
        JsonNode jwks = client.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode key = jwks.get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.get("kid").asString()).isEqualTo(signingKey.jwk().getKeyID());
        assertThat(key.has("n")).isTrue();
        assertThat(key.has("d")).as("private exponent published").isFalse();
    }

    @Test
    void acceptsItsOwnFreshToken() {
        client.get().uri("/api/orders/mine").header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("consumer")))
                .exchange().expectStatus().isOk();
    }

    @Test
    void rejectsAnExpiredToken() {
        String expired = issuer.issue("consumer", List.of("CONSUMER"), null,
                Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(30)).value();
        expectRejected(expired);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-jwt", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.", "Bearer"})
    void rejectsMalformedTokens(String token) {
        expectRejected(token);
    }

    @Test
    void rejectsATokenSignedWithAnotherKeyUnderTheSameKeyId() throws Exception {
        RSAKey otherKey = SigningKey.generate().jwk();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.jwk().getKeyID()).build(),
                claims("admin", "ADMIN"));
        forged.sign(new RSASSASigner(otherKey));
        expectRejected(forged.serialize());
    }

    @Test
    void rejectsAnUnsignedTokenWithAlgNone() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64Url(claims("admin", "ADMIN").toString());
        expectRejected(header + "." + payload + ".");
    }

    @Test
    void rejectsAnHmacTokenKeyedWithThePublicKey() throws Exception {
        // The classic algorithm confusion: HS256 with the RSA public key as the shared secret.
        byte[] publicKey = signingKey.publicKey().getEncoded();
        byte[] secret = new byte[Math.max(32, publicKey.length)];
        System.arraycopy(publicKey, 0, secret, 0, publicKey.length);
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims("admin", "ADMIN"));
        forged.sign(new MACSigner(secret));
        expectRejected(forged.serialize());
    }

    @Test
    void rejectsATokenOfAnotherIssuer() throws Exception {
        SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.jwk().getKeyID()).build(),
                new JWTClaimsSet.Builder(claims("admin", "ADMIN")).issuer("https://evil.example").build());
        foreign.sign(new RSASSASigner(signingKey.jwk()));
        expectRejected(foreign.serialize());
    }

    private static JWTClaimsSet claims(String subject, String role) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer("fupin-gateway-dev-issuer")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("roles", List.of(role)).build();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private void expectRejected(String token) {
        int before = receivedByAnyBackend();
        WebTestClient.ResponseSpec response = client.get().uri("/api/orders/mine")
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
        response.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"));
        expectProblem(response, 401, "unauthenticated");
        assertThat(receivedByAnyBackend()).as("request reached a service").isEqualTo(before);
    }

    private WebTestClient.ResponseSpec login(String username, String password) {
        return client.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password)).exchange();
    }
}
