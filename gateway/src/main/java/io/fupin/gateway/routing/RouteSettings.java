package io.fupin.gateway.routing;

import java.time.Duration;
import java.util.Objects;
import org.springframework.util.unit.DataSize;

/**
 * The tunables of a route; a route's own values override {@code fupin.gateway.routing.defaults}.
 *
 * @param responseTimeout how long the service may take to start answering (then 504)
 * @param connectTimeout  how long connecting to an instance may take
 * @param maxBodySize     the largest request body accepted (then 413)
 * @param replenishRate   requests a second each caller may make on this route, sustained
 * @param burstCapacity   requests each caller may make at once
 * @param retries         retries of a failed GET or HEAD, each on the next instance
 */
public record RouteSettings(Duration responseTimeout, Duration connectTimeout, DataSize maxBodySize,
        Integer replenishRate, Integer burstCapacity, Integer retries) {

    static final RouteSettings BUILT_IN = new RouteSettings(Duration.ofSeconds(10), Duration.ofSeconds(2),
            DataSize.ofMegabytes(1), 50, 100, 2);

    RouteSettings over(RouteSettings defaults) {
        return new RouteSettings(
                Objects.requireNonNullElse(responseTimeout, defaults.responseTimeout()),
                Objects.requireNonNullElse(connectTimeout, defaults.connectTimeout()),
                Objects.requireNonNullElse(maxBodySize, defaults.maxBodySize()),
                Objects.requireNonNullElse(replenishRate, defaults.replenishRate()),
                Objects.requireNonNullElse(burstCapacity, defaults.burstCapacity()),
                Objects.requireNonNullElse(retries, defaults.retries()));
    }
}
