package io.fupin.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param allowedOrigins the web UI's origins (env {@code CORS_ALLOWED_ORIGINS}, comma-separated) */
@ConfigurationProperties("fupin.gateway.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null || allowedOrigins.isEmpty()
                ? List.of("http://localhost:8080", "http://localhost:5173")
                : List.copyOf(allowedOrigins);
    }
}
