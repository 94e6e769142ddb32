package io.fupin.support.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret the HMAC secret shared with the gateway (env {@code FUPIN_IDENTITY_SECRET}), at least 32 bytes
 * @param maxAge how old a signature may be; covers clock skew and queueing, not replay from elsewhere
 */
@ConfigurationProperties("fupin.identity")
public record IdentityProperties(String secret, Duration maxAge) {

    public IdentityProperties {
        if (maxAge == null) {
            maxAge = Duration.ofSeconds(60);
        }
    }
}
