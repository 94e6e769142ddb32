package io.fupin.gateway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Whom a signed-in user acts for as a seller because an official approved its seller application: catalog-service
 * keeps the applications, so the gateway asks it ({@code GET /internal/seller-grants/{userId}}, signed as
 * {@code service:gateway} with the SERVICE role) rather than the identity provider. This works with any issuer: the
 * development issuer puts the grant into the tokens it issues, and tokens of an OIDC provider that knows nothing of
 * it get the SELLER role and the seller's id when the gateway decides who the caller is.
 *
 * <p>A user is asked about by its own user id only, so nobody can act for another's seller; a pending or rejected
 * application grants nothing. Answers are kept: a grant for {@link #GRANT_TTL} (catalog-service never takes one
 * back), none for {@link #NONE_KEPT}, a failed call as none. A request never waits for catalog-service once its
 * user was asked about (a login asks): a "none" older than {@link #NONE_FRESH} is still what the request goes with,
 * while the user is asked about again beside it, so an approval reaches a user already signed in on its first
 * request after that minute, or the next one. Requests of one user that find nothing share one question.
 * catalog-service down or slower than the timeout means the caller keeps what its token says.
 */
public class SellerGrants {

    static final Duration GRANT_TTL = Duration.ofMinutes(5);
    /** How long a "none" is taken as it is; after that it is asked again, beside the request that finds it. */
    static final Duration NONE_FRESH = Duration.ofMinutes(1);
    /** How long a "none" is kept at all: a user idle for longer waits for the question again. */
    static final Duration NONE_KEPT = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(SellerGrants.class);

    record Grant(String userId, UUID sellerId) {
    }

    /** What catalog-service answered about a user, and when it was asked. */
    private record Known(Optional<UUID> seller, Instant asked) {
    }

    private final WebClient catalog;
    private final Duration timeout;
    private final IdentitySignature signature;
    private final Clock clock;
    private final Caller self = new Caller("service:gateway", Set.of(Role.SERVICE), null);
    private final Cache<String, Known> recent = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(Expiry.<String, Known>creating((user, known) -> known.seller().isPresent() ? GRANT_TTL : NONE_KEPT))
            .build();
    /** The questions under way, one per user. */
    private final Map<String, Mono<Optional<UUID>>> asking = new ConcurrentHashMap<>();

    /** @param catalog a client whose base address reaches catalog-service (load balanced over its instances) */
    public SellerGrants(WebClient catalog, IdentitySignature signature, Duration timeout, Clock clock) {
        this.catalog = catalog;
        this.timeout = timeout;
        this.signature = signature;
        this.clock = clock;
    }

    /** The seller the user acts for, asked now: what a login uses, so that it sees an approval at once. */
    public Mono<Optional<UUID>> sellerOf(String userId) {
        Instant asked = clock.instant();
        return ask(userId).doOnNext(seller -> recent.put(userId, new Known(seller, asked)));
    }

    /** The seller the user acts for, as recently known: what each request uses. */
    public Mono<Optional<UUID>> recentSellerOf(String userId) {
        Known known = recent.getIfPresent(userId);
        if (known == null) {
            return askOnce(userId);
        }
        if (known.seller().isEmpty() && known.asked().plus(NONE_FRESH).isBefore(clock.instant())) {
            askOnce(userId).subscribe();
        }
        return Mono.just(known.seller());
    }

    private Mono<Optional<UUID>> askOnce(String userId) {
        return asking.computeIfAbsent(userId, user -> sellerOf(user)
                .doFinally(signal -> asking.remove(user))
                .cache());
    }

    private Mono<Optional<UUID>> ask(String userId) {
        return catalog.get()
                .uri("/internal/seller-grants/{userId}", userId)
                .headers(headers -> signature.headersFor(self).forEach(headers::set))
                .retrieve()
                .bodyToMono(Grant.class)
                .timeout(timeout)
                .map(grant -> userId.equals(grant.userId()) ? Optional.ofNullable(grant.sellerId()) : Optional.<UUID>empty())
                .onErrorResume(WebClientResponseException.class, e -> {
                    if (e.getStatusCode() != HttpStatus.NOT_FOUND) {
                        log.warn("catalog-service answered {} asking for the seller grant of {}; none assumed",
                                e.getStatusCode().value(), userId);
                    }
                    return Mono.just(Optional.empty());
                })
                .onErrorResume(e -> {
                    log.warn("No answer from catalog-service for the seller grant of {} ({}); none assumed", userId,
                            e.toString());
                    return Mono.just(Optional.empty());
                })
                .defaultIfEmpty(Optional.empty());
    }
}
