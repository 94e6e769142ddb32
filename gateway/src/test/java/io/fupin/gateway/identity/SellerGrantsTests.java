package io.fupin.gateway.identity;

import io.fupin.gateway.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.identity.IdentitySignature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** How often catalog-service is asked whom a user acts for, and what a request waits for. */
class SellerGrantsTests {

    private static final UUID GOOSE_COOPERATIVE = UUID.fromString("5b8e2f40-1c2d-4e3f-8a9b-0c1d2e3f4a5b");

    private final AtomicInteger asked = new AtomicInteger();
    /** What catalog-service answers next: none (404) until a seller is set. */
    private final AtomicReference<UUID> granted = new AtomicReference<>();
    /** When set, catalog-service answers only once this is emitted. */
    private Sinks.Empty<Void> held;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    private final SellerGrants grants = new SellerGrants(WebClient.builder().baseUrl("http://catalog-service")
            .exchangeFunction(request -> {
                asked.incrementAndGet();
                Mono<ClientResponse> answer = Mono.fromSupplier(() -> granted.get() == null
                        ? ClientResponse.create(HttpStatus.NOT_FOUND).build()
                        : ClientResponse.create(HttpStatus.OK)
                                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                                .body("{\"userId\":\"applicant\",\"sellerId\":\"" + granted.get() + "\"}").build());
                return held == null ? answer : held.asMono().then(answer);
            }).build(),
            new IdentitySignature("0123456789abcdef0123456789abcdef", Duration.ofMinutes(1), Clock.systemUTC()),
            Duration.ofSeconds(30), clock);

    @Test
    void requestsOfOneUserThatFindNothingKnownShareOneQuestion() {
        held = Sinks.empty();
        granted.set(GOOSE_COOPERATIVE);

        CompletableFuture<Optional<UUID>> first = grants.recentSellerOf("applicant").toFuture();
        CompletableFuture<Optional<UUID>> second = grants.recentSellerOf("applicant").toFuture();
        held.tryEmitEmpty();

        assertThat(first.join()).contains(GOOSE_COOPERATIVE);
        assertThat(second.join()).contains(GOOSE_COOPERATIVE);
        assertThat(asked).hasValue(1);
    }

    @Test
    void aRequestAfterTheMinuteGoesWithTheOldNoneWhileTheUserIsAskedAboutAgain() {
        assertThat(grants.recentSellerOf("applicant").block()).isEmpty();
        clock.advance(SellerGrants.NONE_FRESH.minusSeconds(1));
        assertThat(grants.recentSellerOf("applicant").block()).isEmpty();
        assertThat(asked).as("a fresh none is not asked again").hasValue(1);

        granted.set(GOOSE_COOPERATIVE);
        held = Sinks.empty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(grants.recentSellerOf("applicant").block(Duration.ofSeconds(5)))
                .as("answered without waiting for catalog-service").isEmpty();
        assertThat(asked).hasValue(2);
        held.tryEmitEmpty();

        assertThat(grants.recentSellerOf("applicant").block()).contains(GOOSE_COOPERATIVE);
        assertThat(asked).hasValue(2);
    }

    @Test
    void aGrantIsNotAskedAgainWithinItsTime() {
        granted.set(GOOSE_COOPERATIVE);
        assertThat(grants.sellerOf("applicant").block()).contains(GOOSE_COOPERATIVE);
        clock.advance(SellerGrants.NONE_FRESH.multipliedBy(3));

        assertThat(grants.recentSellerOf("applicant").block()).contains(GOOSE_COOPERATIVE);
        assertThat(asked).hasValue(1);
    }
}
