package io.fupin.support.time;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The services' clock, in UTC and whole seconds. MySQL Connector/J reads MariaDB 10.11's version as
 * "5.5.5" and then drops fractional seconds when it writes a timestamp, so an instant with a fraction
 * would not read back equal to itself; keeping whole seconds everywhere makes stored and answered
 * times agree on MariaDB and MySQL alike.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofSeconds(1));
    }
}
