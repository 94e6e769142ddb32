package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A second start against the same database with another data key, as a second checkout of the stack would. */
@IntegrationTest
class DataKeyCheckIntegrationTests {

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Value("${fupin.household.data-key}")
    String key;

    ApplicationContextRunner startWith(String dataKey) {
        return startWith(dataKey, "");
    }

    ApplicationContextRunner startWith(String dataKey, String previousKeys) {
        return new ApplicationContextRunner()
                .withBean(JdbcClient.class, () -> jdbc)
                .withBean(PersonalDataCipher.class, () -> new PersonalDataCipher(dataKey, previousKeys))
                .withUserConfiguration(DataKeyCheck.class);
    }

    @Test
    void refusesToStartWithAKeyThatDoesNotOpenTheStoredDataNamingTheVariable() {
        Fixtures.household(api, Fixtures.village(api).villageId());

        startWith("b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMDE=").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).hasStackTraceContaining("FUPIN_HOUSEHOLD_DATA_KEY")
                    .hasStackTraceContaining("not the key they were encrypted with");
        });
        startWith(key).run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void startsWithANewKeyWhileTheOldOneIsAmongThePreviousKeys() {
        Fixtures.household(api, Fixtures.village(api).villageId());
        String newKey = "bmV3LWtleS1uZXcta2V5LW5ldy1rZXktbmV3LWtleTA=";

        startWith(newKey, key).run(started -> assertThat(started).hasNotFailed());
        startWith(newKey).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).hasStackTraceContaining("FUPIN_HOUSEHOLD_PREVIOUS_DATA_KEYS");
        });
    }
}
