package io.fupin.gateway.devissuer;

import io.fupin.support.identity.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Signs tokens for demo users: {@code sub}, {@code roles} and, for a seller, {@code seller_id}. */
public class DevTokenIssuer {

    /** An issued token and what it grants. */
    public record IssuedToken(String value, Duration validFor, List<String> roles) {
    }

    private final JwtEncoder encoder;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    DevTokenIssuer(JwtEncoder encoder, String issuer, Duration ttl, Clock clock) {
        this.encoder = encoder;
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
    }

    public IssuedToken issue(String subject, List<Role> roles, UUID sellerId) {
        return issue(subject, roles.stream().map(Role::name).toList(), sellerId, clock.instant(), ttl);
    }

    /** Any claims, any validity: what tests need to present expired tokens or unusual roles. */
    public IssuedToken issue(String subject, List<String> roles, UUID sellerId, Instant issuedAt, Duration validFor) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .id(UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .notBefore(issuedAt)
                .expiresAt(issuedAt.plus(validFor))
                .claim("roles", roles);
        if (sellerId != null) {
            claims.claim("seller_id", sellerId.toString());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(token, validFor, roles);
    }
}
