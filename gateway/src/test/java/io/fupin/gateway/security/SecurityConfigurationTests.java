package io.fupin.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;

class SecurityConfigurationTests {

    private final ReactiveWebApplicationContextRunner context = new ReactiveWebApplicationContextRunner()
            .withUserConfiguration(SecurityConfiguration.class, CallerAuthenticationConverter.class, ProblemSecurityHandlers.class)
            .withBean(AuthProperties.class, () -> new AuthProperties(null, null, null))
            .withBean(CorsProperties.class, () -> new CorsProperties(null));

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
