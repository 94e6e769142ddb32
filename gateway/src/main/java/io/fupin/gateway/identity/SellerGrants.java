package io.fupin.gateway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import io.fupin.support.identity.Role;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
 * application grants nothing. Answers are kept briefly (a grant for {@link #GRANT_TTL}, none for {@link #NONE_TTL},
 * a failed call for as long, counted as none): catalog-service down or slower than the timeout means the caller
 * keeps what its token says.
 */
public class SellerGrants {

    static final Duration GRANT_TTL = Duration.ofMinutes(5);
    /** Long enough that a livestream's crowd of consumers asks once a minute each, not on every request. */
    static final Duration NONE_TTL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(SellerGrants.class);

    record Grant(String userId, UUID sellerId) {
    }

    private final WebClient catalog;
    private final Duration timeout;
    private final IdentitySignature signature;
    private final Caller self = new Caller("service:gateway", Set.of(Role.SERVICE), null);
    private final Cache<String, Optional<UUID>> recent = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(Expiry.<String, Optional<UUID>>creating((user, grant) -> grant.isPresent() ? GRANT_TTL : NONE_TTL))
            .build();

    /** @param catalog a client whose base address reaches catalog-service (load balanced over its instances) */
    public SellerGrants(WebClient catalog, IdentitySignature signature, Duration timeout) {
        this.catalog = catalog;
        this.timeout = timeout;
        this.signature = signature;
    }

    /** The seller the user acts for, asked now: what a login uses, so that it sees an approval at once. */
    public Mono<Optional<UUID>> sellerOf(String userId) {
        return ask(userId).doOnNext(grant -> recent.put(userId, grant));
    }

    /** The seller the user acts for, as recently known: what each request uses. */
    public Mono<Optional<UUID>> recentSellerOf(String userId) {
        Optional<UUID> known = recent.getIfPresent(userId);
        return known != null ? Mono.just(known) : sellerOf(userId);
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
