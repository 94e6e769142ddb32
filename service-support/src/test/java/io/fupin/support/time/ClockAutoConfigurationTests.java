package io.fupin.support.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ClockAutoConfigurationTests {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class));

    @Test
    void theClockIsUtcInWholeSeconds() {
        context.run(app -> {
            Clock clock = app.getBean(Clock.class);
            assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
            assertThat(clock.instant().getNano()).isZero();
            assertThat(clock.instant()).isBetween(Instant.now().minusSeconds(2), Instant.now());
        });
    }

    @Test
    void aClockTheApplicationDeclaresWins() {
        Clock fixed = Clock.fixed(Instant.parse("2030-01-02T03:04:05.678Z"), ZoneOffset.UTC);
        context.withBean(Clock.class, () -> fixed)
                .run(app -> assertThat(app.getBean(Clock.class)).isSameAs(fixed));
    }
}
