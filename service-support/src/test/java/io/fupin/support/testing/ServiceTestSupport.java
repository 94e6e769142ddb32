package io.fupin.support.testing;

import io.fupin.support.identity.IdentitySignature;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What every service's integration tests start with: an empty schema and requests signed as the gateway
 * signs them. A service's own {@code TestSupport} imports it and adds what only that service needs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ServiceTestSupport {

    /** Every test run starts from an empty schema. */
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }

    @Bean
    SignedIdentity signedIdentity(IdentitySignature signature) {
        return new SignedIdentity(signature);
    }
}
