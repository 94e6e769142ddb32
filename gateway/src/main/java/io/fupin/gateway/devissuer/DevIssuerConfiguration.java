package io.fupin.gateway.devissuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Wires the development issuer. Its decoder accepts only RS256 tokens signed by its own key with its own
 * {@code iss}, within their validity; Boot's issuer-based decoder backs off while this one exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("fupin.gateway.dev-issuer.enabled")
class DevIssuerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevIssuerConfiguration.class);

    @Bean
    SigningKey devSigningKey(DevIssuerProperties properties) {
        if (properties.privateKey() != null && properties.publicKey() != null) {
            return SigningKey.load(properties.privateKey(), properties.publicKey());
        }
        log.warn("Development issuer enabled with a key pair generated now: its tokens die with this process. "
                + "Never enable it in production.");
        return SigningKey.generate();
    }

    @Bean
    DemoUsers demoUsers(DevIssuerProperties properties) {
        return new DemoUsers(properties);
    }

    @Bean
    DevTokenIssuer devTokenIssuer(SigningKey key, DevIssuerProperties properties) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.jwk())));
        return new DevTokenIssuer(encoder, properties.issuer(), properties.tokenTtl(), Clock.systemUTC());
    }

    @Bean
    ReactiveJwtDecoder devJwtDecoder(SigningKey key, DevIssuerProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(key.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        return decoder;
    }
}
