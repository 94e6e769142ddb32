package io.fupin.support.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param secret the HMAC secret shared with the gateway (env {@code FUPIN_IDENTITY_SECRET}), at least 32 bytes;
 *               no default anywhere: without it the application does not start
 * @param maxAge how old a signature may be; covers clock skew and queueing, not replay from elsewhere
 */
@ConfigurationProperties("fupin.identity")
@Validated
public record IdentityProperties(@NotBlank @Size(min = 32, message = "must be at least 32 characters long") String secret,
        Duration maxAge) {

    public IdentityProperties {
        if (maxAge == null) {
            maxAge = Duration.ofSeconds(60);
        }
    }
}
