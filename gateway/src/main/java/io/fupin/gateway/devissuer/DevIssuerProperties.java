package io.fupin.gateway.devissuer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * @param enabled         whether the gateway issues its own tokens (profile {@code local}, tests); off by default
 * @param issuer          the {@code iss} of issued tokens, checked on every token presented
 * @param tokenTtl        how long an issued token is valid
 * @param defaultPassword the password of demo users that configure none
 * @param privateKey      PEM (PKCS#8) signing key; with {@code publicKey}, lets several gateway instances and
 *                        restarts share one key. Without both, a key pair is generated at startup.
 * @param publicKey       PEM (X.509) public key matching {@code privateKey}
 * @param users           the demo users by username
 * @param audience        a numbered crowd of consumers ({@code buyer-1} ... {@code buyer-N}) for the livestream
 *                        scenario and load tests; none unless configured
 */
@ConfigurationProperties("fupin.gateway.dev-issuer")
public record DevIssuerProperties(boolean enabled, String issuer, Duration tokenTtl, String defaultPassword,
        Resource privateKey, Resource publicKey, Map<String, DemoUser> users, Audience audience) {

    public DevIssuerProperties {
        issuer = issuer == null || issuer.isBlank() ? "fupin-gateway-dev-issuer" : issuer;
        tokenTtl = tokenTtl == null ? Duration.ofHours(1) : tokenTtl;
        defaultPassword = defaultPassword == null || defaultPassword.isBlank() ? "fupin-demo" : defaultPassword;
        users = users == null ? Map.of() : Map.copyOf(users);
        audience = audience == null ? new Audience(null, 0) : audience;
    }

    /**
     * @param prefix the username prefix, e.g. {@code buyer-}
     * @param size   how many: usernames run from {@code <prefix>1} to {@code <prefix><size>}, all CONSUMERs with
     *               the default password
     */
    public record Audience(String prefix, int size) {
    }

    /**
     * @param roles    the user's roles
     * @param password the user's own password, else the default one
     * @param sellerId the seller a SELLER acts for; may stay empty until demo data exists
     */
    public record DemoUser(List<String> roles, String password, String sellerId) {

        public DemoUser {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
