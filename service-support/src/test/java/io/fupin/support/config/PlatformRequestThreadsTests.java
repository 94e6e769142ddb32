package io.fupin.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Requests on platform threads unless a service says otherwise, and whatever Spring Boot's own default. */
class PlatformRequestThreadsTests {

    @Test
    void turnsVirtualRequestThreadsOffByDefault() {
        StandardEnvironment environment = new StandardEnvironment();

        new PlatformRequestThreads().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(PlatformRequestThreads.VIRTUAL_THREADS)).isEqualTo("false");
    }

    @Test
    void leavesTheChoiceToAnyConfiguredSetting() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(
                new MapPropertySource("application.yml", Map.of(PlatformRequestThreads.VIRTUAL_THREADS, "true")));

        new PlatformRequestThreads().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(PlatformRequestThreads.VIRTUAL_THREADS)).isEqualTo("true");
    }
}
