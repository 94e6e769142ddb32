package io.fupin.gateway.identity;

import io.fupin.support.identity.IdentityProperties;
import io.fupin.support.identity.IdentitySignature;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signer shares {@code fupin.identity.secret} with the services (same property, same class as theirs).
 * A missing or short secret stops the gateway at startup rather than letting it send identities nobody accepts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

    @Bean
    IdentitySignature identitySignature(IdentityProperties properties) {
        return new IdentitySignature(properties.secret(), properties.maxAge(), Clock.systemUTC());
    }
}
