package io.fupin.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The outbox and processed-event tables come from one shared location, on a fresh database and on one the
 * services' own copies of the script migrated before (the local stack's data, any running install).
 */
class EventTablesTests {

    /**
     * What every database migrated by the services' former {@code db/migration/V1__create_event_tables.sql}
     * recorded as version 1 (read from such a database): the shared script must keep it, byte for byte.
     */
    static final int CHECKSUM_OF_EXISTING_DATABASES = 53586883;

    static final String HOST = System.getenv().getOrDefault("MYSQL_HOST", "127.0.0.1");
    static final String PORT = System.getenv().getOrDefault("MYSQL_PORT", "3306");
    static final String USER = System.getenv().getOrDefault("MYSQL_TEST_USER", "root");
    static final String PASSWORD = System.getenv().getOrDefault("MYSQL_TEST_PASSWORD", "");
    static final String SCHEMA = "support_events_test" + System.getenv().getOrDefault("FUPIN_TEST_DB_SUFFIX", "");

    DataSource database;
    JdbcTemplate jdbc;

    @BeforeEach
    void emptySchema() throws SQLException {
        try (Connection server = DriverManager.getConnection("jdbc:mysql://" + HOST + ":" + PORT + "/", USER, PASSWORD)) {
            server.createStatement().execute("DROP DATABASE IF EXISTS " + SCHEMA);
            server.createStatement().execute("CREATE DATABASE " + SCHEMA);
        }
        database = new DriverManagerDataSource("jdbc:mysql://" + HOST + ":" + PORT + "/" + SCHEMA, USER, PASSWORD);
        jdbc = new JdbcTemplate(database);
    }

    /** A service's Flyway as Spring Boot configures it: its own location, plus the shared one. */
    Flyway service() {
        FluentConfiguration configuration = Flyway.configure().dataSource(database).locations("classpath:db/sample-service");
        new EventTablesAutoConfiguration().eventTablesLocation().customize(configuration);
        return configuration.load();
    }

    @Test
    void aFreshDatabaseGetsTheEventTablesAsVersionOne() {
        assertThat(service().migrate().migrationsExecuted).isEqualTo(2);

        assertThat(tables()).contains("EVENT_PUBLICATION", "processed_event", "parcel");
        assertThat(jdbc.queryForObject("SELECT checksum FROM flyway_schema_history WHERE version = '1'", Integer.class))
                .as("the shared V1 must stay byte for byte the script existing databases ran")
                .isEqualTo(CHECKSUM_OF_EXISTING_DATABASES);
    }

    @Test
    void aDatabaseTheServicesOwnCopiesMigratedGoesOnFromIt() {
        // Version 1 as the former per-service script left it: same version, description, script name, checksum.
        Flyway.configure().dataSource(database).locations(EventTablesAutoConfiguration.LOCATION).load().migrate();
        jdbc.update("UPDATE flyway_schema_history SET checksum = ? WHERE version = '1'", CHECKSUM_OF_EXISTING_DATABASES);
        jdbc.update("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('c', 'e', NOW())");

        // Migrating validates first: a changed checksum of version 1 would stop here.
        assertThat(service().migrate().migrationsExecuted).isEqualTo(1);

        assertThat(tables()).contains("EVENT_PUBLICATION", "processed_event", "parcel");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event", Integer.class)).isEqualTo(1);
    }

    List<String> tables() {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
                String.class, SCHEMA);
    }
}
