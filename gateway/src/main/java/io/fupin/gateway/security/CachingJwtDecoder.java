package io.fupin.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers the tokens its delegate accepted, keyed by the whole token text (header, claims and signature), until
 * each one's {@code exp}: a client presents the same token on every request, and checking its RS256 signature
 * again each time was the largest single cost of an authenticated request. Nothing is weakened: a token is only
 * found here if it is byte for byte one the delegate verified, a remembered token stops being accepted at its
 * {@code exp} (the delegate would still take it for its 60 s of clock skew; after the entry is gone it is
 * decided by the delegate again), tokens without {@code exp} are never remembered, and refusals are never
 * remembered. Bounded to {@code maximumSize} tokens (the least recently used go first).
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    static final int DEFAULT_MAXIMUM_SIZE = 10_000;

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    CachingJwtDecoder(ReactiveJwtDecoder delegate, int maximumSize, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt)))
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = accepted.getIfPresent(token);
        if (known != null && isUnexpired(known)) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> {
            if (isUnexpired(jwt)) {
                accepted.put(token, jwt);
            }
        });
    }

    long size() {
        accepted.cleanUp();
        return accepted.estimatedSize();
    }

    private boolean isUnexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }

    private Duration untilExpiry(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt);
    }
}
