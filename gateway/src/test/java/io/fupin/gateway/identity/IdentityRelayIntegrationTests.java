package io.fupin.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.gateway.FakeBackend;
import io.fupin.gateway.GatewayIntegrationTest;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import io.fupin.support.identity.IdentityHeaders;
import io.fupin.support.identity.IdentitySignature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class IdentityRelayIntegrationTests extends GatewayIntegrationTest {

    /** What a service does: verify with the shared secret, as service-support's filter will. */
    private static final IdentitySignature SERVICES_VIEW = new IdentitySignature(
            "integration-test-secret-0123456789abcdef", Duration.ofSeconds(60), Clock.systemUTC());

    @Autowired
    IdentitySignature gatewaySignature;

    @Test
    void signsAnAnonymousCallerForCatalogBrowsing() {
        String path = "/api/catalog/products?q=" + UUID.randomUUID();
        client.get().uri(path).exchange().expectStatus().isOk();

        FakeBackend.Received received = receivedByCatalog(path);
        assertThat(SERVICES_VIEW.verify(received::header)).isEqualTo(Caller.anonymous());
    }

    @Test
    void replacesIdentityHeadersTheClientForged() {
        String forgedSignature = SERVICES_VIEW.headersFor(Caller.of("admin", null, "ADMIN")).get(IdentityHeaders.SIGNATURE);
        String path = "/api/orders/" + UUID.randomUUID();
        client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("consumer")))
                .header(IdentityHeaders.USER_ID, "admin")
                .header("x-fupin-roles", "ADMIN,SERVICE")
                .header("X-FUPIN-SELLER-ID", UUID.randomUUID().toString())
                .header(IdentityHeaders.TIMESTAMP, Long.toString(Instant.now().toEpochMilli()))
                .header(IdentityHeaders.SIGNATURE, forgedSignature)
                .exchange().expectStatus().isOk();

        FakeBackend.Received received = ORDERS.last(path);
        assertThat(received.header(IdentityHeaders.USER_ID)).isEqualTo("consumer");
        assertThat(received.header(IdentityHeaders.ROLES)).isEqualTo("CONSUMER");
        assertThat(received.header(IdentityHeaders.SELLER_ID)).isNull();
        assertThat(received.header(IdentityHeaders.SIGNATURE)).isNotEqualTo(forgedSignature).doesNotContain(",");
        assertThat(SERVICES_VIEW.verify(received::header)).isEqualTo(new Caller("consumer", Set.of(Role.CONSUMER), null));
    }

    @Test
    void stripsForgedIdentityEvenFromAnonymousRequests() {
        String path = "/api/catalog/products/" + UUID.randomUUID();
        client.get().uri(path)
                .header(IdentityHeaders.USER_ID, "admin")
                .header(IdentityHeaders.ROLES, "ADMIN")
                .exchange().expectStatus().isOk();

        FakeBackend.Received received = receivedByCatalog(path);
        assertThat(received.header(IdentityHeaders.USER_ID)).isEqualTo(Caller.ANONYMOUS);
        assertThat(received.header(IdentityHeaders.ROLES)).isEmpty();
        assertThat(SERVICES_VIEW.verify(received::header).isAnonymous()).isTrue();
    }

    @Test
    void passesTheSellersSellerId() {
        String path = "/api/catalog/products";
        client.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("seller")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"稻花香大米\"}")
                .exchange().expectStatus().isOk();

        Caller caller = SERVICES_VIEW.verify(receivedByCatalog(path)::header);
        assertThat(caller).isEqualTo(Caller.of("seller", UUID.fromString("7d0f5a52-3c1e-4a8e-9f3e-2b6f1c9d4e10"), "SELLER"));
    }

    @Test
    void neverPassesOnTheServiceRoleATokenClaims() {
        String token = issuer.issue("sneaky", List.of("CONSUMER", "SERVICE", "service", "root"), null,
                Instant.now(), Duration.ofMinutes(5)).value();
        String path = "/api/orders/" + UUID.randomUUID();
        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange().expectStatus().isOk();

        assertThat(SERVICES_VIEW.verify(ORDERS.last(path)::header).roles()).containsExactly(Role.CONSUMER);
    }

    @Test
    void signsWithTheSharedSecretOnly() {
        IdentitySignature otherSecret = new IdentitySignature("another-secret-0123456789abcdef-xyz",
                Duration.ofSeconds(60), Clock.systemUTC());
        String path = "/api/catalog/products?other=" + UUID.randomUUID();
        client.get().uri(path).exchange().expectStatus().isOk();

        FakeBackend.Received received = receivedByCatalog(path);
        assertThatThrownBy(() -> otherSecret.verify(received::header))
                .isInstanceOf(IdentitySignature.UntrustedIdentity.class);
        assertThat(gatewaySignature.verify(received::header).isAnonymous()).isTrue();
    }

    @Test
    void forwardsPathQueryAndMethodUnchanged() {
        String path = "/api/households/villages/%E6%9D%91/members?page=2&size=20";
        client.get().uri(raw(path)).header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("official")))
                .exchange().expectStatus().isOk();

        FakeBackend.Received received = HOUSEHOLDS.last("/api/households/villages/");
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.path()).isEqualTo(path);
    }

    private static FakeBackend.Received receivedByCatalog(String path) {
        return FakeBackend.latest(path, CATALOG_A, CATALOG_B);
    }
}
