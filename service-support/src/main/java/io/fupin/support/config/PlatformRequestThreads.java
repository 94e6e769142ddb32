package io.fupin.support.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Requests run on platform threads, not virtual ones, in every service: restarted under load on 2 cores, a
 * service with virtual request threads deadlocked loading its classes (two carriers pinned in a native
 * class-definition frame waiting for the executable jar's lock, the lock's holder runnable with no carrier
 * left; see docs/proof/faults-findings.md). Written once here as a default, the lowest-ranked setting of all,
 * rather than in each service's application.yml; the services' {@code RequestThreadsIntegrationTests}
 * ({@code RequestThreadsContract}) fail should a request thread be virtual again.
 */
public class PlatformRequestThreads implements EnvironmentPostProcessor {

    static final String VIRTUAL_THREADS = "spring.threads.virtual.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultPropertiesPropertySource.addOrMerge(Map.of(VIRTUAL_THREADS, "false"), environment.getPropertySources());
    }
}
