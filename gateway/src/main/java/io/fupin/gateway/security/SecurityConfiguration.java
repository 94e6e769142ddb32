package io.fupin.gateway.security;

import io.fupin.gateway.problem.Problems;
import io.fupin.gateway.routing.ApiRoute;
import io.fupin.support.problem.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Stateless bearer-token security: no session, no login page, no CSRF (no cookies carry authority).
 * The token decoder is the development issuer's when it is enabled, otherwise Boot's, built from
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}; the tokens it accepted are
 * remembered until their expiry ({@link CachingJwtDecoder}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ObjectProvider<ReactiveJwtDecoder> decoders,
            CallerAuthenticationConverter converter, ProblemSecurityHandlers problems, AuthProperties properties) {
        ReactiveJwtDecoder issuers = decoders.getIfAvailable();
        if (issuers == null) {
            throw new IllegalStateException("No token issuer configured: set spring.security.oauth2.resourceserver.jwt."
                    + "issuer-uri (or jwk-set-uri), or enable the development issuer (fupin.gateway.dev-issuer.enabled=true, "
                    + "profile local).");
        }
        ReactiveJwtDecoder decoder = properties.tokenCacheSize() == 0 ? issuers
                : new CachingJwtDecoder(issuers, properties.tokenCacheSize(), Clock.systemUTC());
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(Customizer.withDefaults())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterBefore(new CallerCapture(properties), SecurityWebFiltersOrder.AUTHORIZATION)
                .authorizeExchange(AccessRules::applyTo)
                .build();
    }

    /**
     * No observations of Spring Security's own: they made a span and a timer for each of the chain's filters and for
     * each authentication and authorization, a tenth of the gateway's CPU per request, for spans nobody reads. The
     * request's own observation (its trace, its access log line) and the call to the service are still observed.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Requests the firewall rejects (encoded or dot segments, ...) get a problem too, not an empty 400. */
    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler() {
        return (exchange, rejected) -> Problems.write(exchange, ProblemType.INVALID_REQUEST,
                rejected.getMessage());
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                "Idempotency-Key", "traceparent", "tracestate"));
        cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-RateLimit-Remaining"));
        // Bearer tokens travel in a header, never in cookies, so credentials stay off.
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource api = new UrlBasedCorsConfigurationSource();
        api.registerCorsConfiguration("/**", cors);
        // The pages take no part in CORS: their forms are navigations, not cross-origin reads, and the web
        // application checks each form's CSRF token. Under their Referrer-Policy (no-referrer) a browser names
        // the origin of every form it posts "null", which the API's origin list would refuse with 403.
        List<PathPattern> pages = ApiRoute.WEB_PATHS.stream().map(PathPatternParser.defaultInstance::parse).toList();
        return exchange -> {
            var path = exchange.getRequest().getPath().pathWithinApplication();
            return pages.stream().anyMatch(page -> page.matches(path)) ? null : api.getCorsConfiguration(exchange);
        };
    }
}
