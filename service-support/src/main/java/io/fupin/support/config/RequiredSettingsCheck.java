package io.fupin.support.config;

import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Secrets are written {@code ${FUPIN_IDENTITY_SECRET}} in application.yml: an environment variable without a
 * default. Spring Boot's binder would quietly keep such an unresolved text as the value (a password of
 * "${MYSQL_PASSWORD}"), so right after the configuration files are read, every setting whose configured
 * value names such a variable is resolved; one that cannot be stops the application, and
 * {@link MissingSettingFailureAnalyzer} names the variable. A profile that gives the setting a value
 * (the test profile, say) wins, as it does everywhere else.
 */
public class RequiredSettingsCheck implements EnvironmentPostProcessor, Ordered {

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)
                    || StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName())
                    || StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(source.getName())) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                if (enumerable.getProperty(name) instanceof CharSequence raw && REQUIRED_VARIABLE.matcher(raw).find()) {
                    // Throws PlaceholderResolutionException when the variable is not set.
                    environment.getProperty(name);
                }
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
