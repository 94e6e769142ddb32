package io.fupin.gateway.security;

import io.fupin.gateway.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CachingJwtDecoderTests {

    private final Instant now = Instant.parse("2026-11-30T12:00:00Z");
    private final MutableClock clock = new MutableClock(now);
    private final List<String> verified = new ArrayList<>();

    /** Accepts "good-*" tokens (expiring in 5 minutes, or never for "good-forever"), refuses every other. */
    private final ReactiveJwtDecoder issuer = token -> {
        verified.add(token);
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        if (clock.instant().isAfter(now.plus(Duration.ofMinutes(5)).plusSeconds(60))) {
            return Mono.error(new BadJwtException("expired"));
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("buyer-1").issuedAt(now);
        if (!token.equals("good-forever")) {
            jwt.expiresAt(now.plus(Duration.ofMinutes(5)));
        }
        return Mono.just(jwt.build());
    };

    private final CachingJwtDecoder decoder = new CachingJwtDecoder(issuer, 2, clock);

    @Test
    void checksATokensSignatureOnceUntilItsExpiry() {
        assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("buyer-1");
        clock.advance(Duration.ofMinutes(4));
        assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("buyer-1");
        assertThat(verified).containsExactly("good-1");
    }

    @Test
    void anExpiredTokenIsDecidedByTheIssuerAgain() {
        decoder.decode("good-1").block();
        clock.advance(Duration.ofMinutes(5));
        // Within the delegate's clock skew it is still taken, but not from memory.
        assertThat(decoder.decode("good-1").block()).isNotNull();
        clock.advance(Duration.ofMinutes(2));
        StepVerifier.create(decoder.decode("good-1")).expectError(BadJwtException.class).verify();
        assertThat(verified).containsExactly("good-1", "good-1", "good-1");
    }

    @Test
    void refusalsAndTokensWithoutExpiryAreNeverRemembered() {
        StepVerifier.create(decoder.decode("forged")).expectError(BadJwtException.class).verify();
        StepVerifier.create(decoder.decode("forged")).expectError(BadJwtException.class).verify();
        decoder.decode("good-forever").block();
        decoder.decode("good-forever").block();
        assertThat(verified).containsExactly("forged", "forged", "good-forever", "good-forever");
        assertThat(decoder.size()).isZero();
    }

    @Test
    void onlyTheSameTokenTextIsFoundAndTheCacheIsBounded() {
        decoder.decode("good-1").block();
        // Same claims, another signature: a different text, so verified.
        StepVerifier.create(decoder.decode("good-1x")).expectNextCount(1).verifyComplete();
        decoder.decode("good-2").block();
        decoder.decode("good-3").block();
        assertThat(verified).containsExactly("good-1", "good-1x", "good-2", "good-3");
        assertThat(decoder.size()).isEqualTo(2);
    }
}
