package io.fupin.oidc;

import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real OpenID provider for tests, run in the test's JVM: Spring Authorization Server on a free port of
 * 127.0.0.1, with one confidential client for the web application and one person who signs in with a password.
 * Its access tokens carry the {@code roles} claim the gateway reads. Kept outside {@code io.fupin.web}, so the
 * web application's component scan never sees it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class OidcProvider {

    public static final String CLIENT_ID = "fupin-web";
    public static final String CLIENT_SECRET = "web-client-secret";
    public static final String USER = "wang.fang";
    public static final String PASSWORD = "sign-in-secret";

    /** Starts the provider; the web application's callback is at {@code redirectUri}. */
    public static ConfigurableApplicationContext start(String redirectUri) {
        String client = "spring.security.oauth2.authorizationserver.client.web.";
        return new SpringApplicationBuilder(OidcProvider.class).properties(
                // none of the web application's own settings (application.yml) apply here
                "spring.config.name=oidc-provider", "server.port=0", "server.address=127.0.0.1",
                "spring.application.name=oidc-provider",
                "spring.security.user.name=" + USER, "spring.security.user.password={noop}" + PASSWORD,
                "spring.security.user.roles=USER",
                client + "registration.client-id=" + CLIENT_ID,
                client + "registration.client-secret={noop}" + CLIENT_SECRET,
                client + "registration.client-authentication-methods=client_secret_basic",
                client + "registration.authorization-grant-types=authorization_code,refresh_token",
                client + "registration.redirect-uris=" + redirectUri,
                client + "registration.scopes=openid,profile",
                client + "require-authorization-consent=false")
                .run();
    }

    public static String issuer(ConfigurableApplicationContext provider) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) provider).getWebServer().getPort();
    }

    /** The platform's roles in the access token, as an identity provider configured for Fupin Market sends them. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformRoles() {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().claim("roles", List.of("CONSUMER"));
            }
        };
    }
}
