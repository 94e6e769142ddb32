package io.fupin.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.gateway.identity.SellerGrants;
import io.fupin.support.identity.IdentitySignature;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

class SecurityConfigurationTests {

    private final ReactiveWebApplicationContextRunner context = new ReactiveWebApplicationContextRunner()
            .withUserConfiguration(SecurityConfiguration.class, CallerAuthenticationConverter.class, ProblemSecurityHandlers.class)
            .withBean(AuthProperties.class, () -> new AuthProperties(null, null, null, null))
            .withBean(CorsProperties.class, () -> new CorsProperties(null))
            .withBean(SellerGrants.class, () -> new SellerGrants(WebClient.create(), new IdentitySignature(
                    "0123456789abcdef0123456789abcdef", Duration.ofMinutes(1), Clock.systemUTC()), Duration.ofSeconds(1),
                    Clock.systemUTC()));

    @Test
    void refusesToStartWithoutAnyTokenIssuer() {
        context.run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                .hasMessageContaining("fupin.gateway.dev-issuer.enabled"));
    }

    @Test
    void startsWithAnIssuersDecoder() {
        context.withBean(ReactiveJwtDecoder.class, () -> token -> Mono.empty())
                .run(started -> assertThat(started).hasNotFailed().hasSingleBean(SecurityWebFilterChain.class));
    }
}
