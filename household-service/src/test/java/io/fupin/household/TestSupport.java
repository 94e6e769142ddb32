package io.fupin.household;

import io.fupin.household.product.KnownProducts;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpHeaders;

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

    /** Signs requests as the gateway would for the given caller. */
    @Bean
    SignedIdentity signedIdentity(IdentitySignature signature) {
        return new SignedIdentity(signature);
    }

    /** The service's API and topics, for tests; lazy because the port is known only once the server runs. */
    @Bean
    @Lazy
    Api api(ApplicationContext context, SignedIdentity identity,
            @Value("${spring.embedded.kafka.brokers}") String brokers, KnownProducts products) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort(), identity, brokers,
                productId -> products.ownerOf(productId).orElse(null));
    }

    public record SignedIdentity(IdentitySignature signature) {
        public HttpHeaders headersFor(Caller caller) {
            HttpHeaders headers = new HttpHeaders();
            signature.headersFor(caller).forEach(headers::set);
            return headers;
        }
    }
}
