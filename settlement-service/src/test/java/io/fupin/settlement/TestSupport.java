package io.fupin.settlement;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistrar;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupport {

    /** Every test run starts from an empty schema. */
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }

    /** Closing a period asks order-service what it recorded: here its books kept by the tests. */
    @Bean
    DynamicPropertyRegistrar orderServiceUrl() {
        return registry -> registry.add("fupin.orders.url", () -> OrderServiceBook.get().url());
    }

    /** Signs requests as the gateway would for the given caller. */
    @Bean
    SignedIdentity signedIdentity(IdentitySignature signature) {
        return new SignedIdentity(signature);
    }

    public record SignedIdentity(IdentitySignature signature) {
        public HttpHeaders headersFor(Caller caller) {
            HttpHeaders headers = new HttpHeaders();
            signature.headersFor(caller).forEach(headers::set);
            return headers;
        }
    }
}
