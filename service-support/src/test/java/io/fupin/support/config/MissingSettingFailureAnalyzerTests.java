package io.fupin.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fupin.support.identity.IdentityProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/** An application without its secret stops, and says which environment variable to set. */
class MissingSettingFailureAnalyzerTests {

    @Test
    void namesTheVariableWhenTheEnvironmentLacksIt() {
        FailureAnalysis analysis = startWith(Map.of("fupin.identity.secret", "${FUPIN_IDENTITY_SECRET}"));

        assertThat(analysis.getDescription()).contains("FUPIN_IDENTITY_SECRET").contains("not set");
        assertThat(analysis.getAction()).contains("Set the environment variable FUPIN_IDENTITY_SECRET");
    }

    @Test
    void namesTheVariableWhenItsValueIsBlankOrShort() {
        FailureAnalysis blank = startWith(Map.of("fupin.identity.secret", ""));
        FailureAnalysis tooShort = startWith(Map.of("fupin.identity.secret", "short"));

        assertThat(blank.getDescription()).contains("FUPIN_IDENTITY_SECRET (fupin.identity.secret)");
        assertThat(tooShort.getDescription()).contains("FUPIN_IDENTITY_SECRET (fupin.identity.secret) must be at least 32");
        assertThat(tooShort.getAction()).contains("FUPIN_IDENTITY_SECRET");
    }

    @Test
    void startsWithASecretOfTheRightLength() {
        var context = application(Map.of("fupin.identity.secret", "a-secret-of-at-least-32-characters-0123")).run();
        assertThat(context.getBean(IdentityProperties.class).secret()).hasSize(39);
        context.close();
    }

    @Test
    void takesTheValueAProfileGivesOverTheVariable() {
        SpringApplication application = application(Map.of());
        StandardEnvironment environment = new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
                sources.addFirst(new MapPropertySource("application.yml", Map.of("fupin.identity.secret", "${FUPIN_IDENTITY_SECRET}")));
                sources.addFirst(new MapPropertySource("application-test.yml",
                        Map.of("fupin.identity.secret", "a-secret-of-at-least-32-characters-0123")));
            }
        };
        application.setEnvironment(environment);
        var context = application.run();
        assertThat(context.getBean(IdentityProperties.class).secret()).startsWith("a-secret");
        context.close();
    }

    @Test
    void leavesOtherFailuresToOtherAnalyzers() {
        assertThat(new MissingSettingFailureAnalyzer().analyze(new IllegalStateException("boom"))).isNull();
    }

    @Test
    void derivesTheVariableBootReads() {
        assertThat(MissingSettingFailureAnalyzer.environmentVariable("fupin.household.data-key"))
                .isEqualTo("FUPIN_HOUSEHOLD_DATAKEY");
    }

    private static FailureAnalysis startWith(Map<String, Object> properties) {
        Throwable failure = catchThrowable(() -> application(properties).run());
        assertThat(failure).as("the application refuses to start").isNotNull();
        FailureAnalysis analysis = new MissingSettingFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of " + failure).isNotNull();
        return analysis;
    }

    private static SpringApplication application(Map<String, Object> properties) {
        SpringApplication application = new SpringApplication(Settings.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setEnvironment(new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
                sources.addFirst(new MapPropertySource("test", properties));
            }
        });
        return application;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IdentityProperties.class)
    static class Settings {
    }
}
