package io.fupin.support.testing;

import io.fupin.support.events.EventTablesAutoConfiguration;
import io.fupin.support.jdbc.UuidConversionsAutoConfiguration;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.ActiveProfiles;

/**
 * What every service's repository test starts from: Spring Data JDBC's slice on the service's real MariaDB (its
 * {@code test} profile's database, migrated by its Flyway locations, the outbox tables' included), ids and UUIDs
 * stored as the service stores them; each test rolls back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration({UuidConversionsAutoConfiguration.class, EventTablesAutoConfiguration.class})
@ActiveProfiles("test")
public @interface RepositorySlice {
}
