package io.fupin.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentitySignatureTests {

    static final String SECRET = "unit-test-secret-0123456789abcdefghij";
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    final IdentitySignature signature = new IdentitySignature(SECRET, Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void verifiesWhatItSigned() {
        UUID seller = UUID.randomUUID();
        Caller caller = Caller.of("seller-1", seller, "SELLER", "CONSUMER");

        Caller verified = signature.verify(signature.headersFor(caller)::get);

        assertThat(verified).isEqualTo(caller);
        assertThat(verified.hasRole(Role.SELLER)).isTrue();
        assertThat(verified.sellerId()).isEqualTo(seller);
    }

    @Test
    void signsAlikeFromManyThreadsAtOnce() throws Exception {
        // One keyed MAC is cloned for every signature: clones must not share state.
        String expected = signature.headersFor(Caller.of("consumer", null, "CONSUMER")).get(IdentityHeaders.SIGNATURE);
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var signatures = threads.invokeAll(java.util.Collections.nCopies(2_000,
                    () -> signature.headersFor(Caller.of("consumer", null, "CONSUMER")).get(IdentityHeaders.SIGNATURE)));
            for (var signed : signatures) {
                assertThat(signed.get()).isEqualTo(expected);
            }
        }
        // Another caller still gets another signature after all those clones.
        assertThat(signature.headersFor(Caller.of("consumer2", null, "CONSUMER")).get(IdentityHeaders.SIGNATURE))
                .isNotEqualTo(expected);
    }

    @Test
    void anonymousVisitorsAreSignedToo() {
        assertThat(signature.verify(signature.headersFor(Caller.anonymous())::get).isAnonymous()).isTrue();
    }

    @Test
    void refusesAnAddedRole() {
        Map<String, String> headers = new HashMap<>(signature.headersFor(Caller.of("consumer", null, "CONSUMER")));
        headers.put(IdentityHeaders.ROLES, "ADMIN,CONSUMER");
        assertThatThrownBy(() -> signature.verify(headers::get)).isInstanceOf(IdentitySignature.UntrustedIdentity.class)
                .hasMessageContaining("signature");
    }

    @Test
    void refusesAnotherUserOrSeller() {
        Map<String, String> headers = new HashMap<>(signature.headersFor(Caller.of("seller", UUID.randomUUID(), "SELLER")));
        headers.put(IdentityHeaders.SELLER_ID, UUID.randomUUID().toString());
        assertThatThrownBy(() -> signature.verify(headers::get)).isInstanceOf(IdentitySignature.UntrustedIdentity.class);
    }

    @Test
    void refusesMissingHeaders() {
        assertThatThrownBy(() -> signature.verify(name -> null)).isInstanceOf(IdentitySignature.UntrustedIdentity.class)
                .hasMessageContaining("gateway");
    }

    @Test
    void refusesStaleAndFutureSignatures() {
        Map<String, String> old = new IdentitySignature(SECRET, Duration.ofSeconds(60),
                Clock.fixed(NOW.minusSeconds(61), ZoneOffset.UTC)).headersFor(Caller.of("u", null, "CONSUMER"));
        assertThatThrownBy(() -> signature.verify(old::get)).hasMessageContaining("stale");

        Map<String, String> future = new IdentitySignature(SECRET, Duration.ofSeconds(60),
                Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC)).headersFor(Caller.of("u", null, "CONSUMER"));
        assertThatThrownBy(() -> signature.verify(future::get)).hasMessageContaining("stale");
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        Map<String, String> forged = new IdentitySignature("another-secret-0123456789abcdefghijkl", Duration.ofSeconds(60),
                Clock.fixed(NOW, ZoneOffset.UTC)).headersFor(Caller.of("admin", null, "ADMIN"));
        assertThatThrownBy(() -> signature.verify(forged::get)).isInstanceOf(IdentitySignature.UntrustedIdentity.class);
    }

    @Test
    void refusesShortSecrets() {
        assertThatThrownBy(() -> new IdentitySignature("short", Duration.ofSeconds(60), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
