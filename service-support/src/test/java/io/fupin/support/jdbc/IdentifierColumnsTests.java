package io.fupin.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.id.Identifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Typed ids in Spring Data JDBC on MariaDB, with no converter declared per id type: an aggregate's id, its
 * properties, its children's back-reference, query parameters and a query's result are the {@code CHAR(36)} the
 * UUID would be.
 */
class IdentifierColumnsTests {

    static final String HOST = System.getenv().getOrDefault("MYSQL_HOST", "127.0.0.1");
    static final String PORT = System.getenv().getOrDefault("MYSQL_PORT", "3306");
    static final String USER = System.getenv().getOrDefault("MYSQL_TEST_USER", "root");
    static final String PASSWORD = System.getenv().getOrDefault("MYSQL_TEST_PASSWORD", "");
    static final String SCHEMA = "support_ids_test" + System.getenv().getOrDefault("FUPIN_TEST_DB_SUFFIX", "");

    public record ParcelId(UUID value) implements Identifier {
    }

    public record SenderId(UUID value) implements Identifier {
    }

    public record Stop(String place) {
    }

    public record Parcel(@Id ParcelId id, SenderId sender, @MappedCollection(idColumn = "parcel_id", keyColumn = "stop_no")
            List<Stop> stops, @Version Long version) {
    }

    public interface Parcels extends ListCrudRepository<Parcel, ParcelId> {

        List<Parcel> findBySender(SenderId sender);

        @Query("SELECT id FROM parcel WHERE sender = :sender ORDER BY id")
        List<ParcelId> idsSentBy(SenderId sender);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableJdbcRepositories(considerNestedRepositories = true, basePackageClasses = IdentifierColumnsTests.class,
            includeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
                    type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE, classes = Parcels.class))
    static class Repositories {
    }

    final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    UuidConversionsAutoConfiguration.class, DataJdbcRepositoriesAutoConfiguration.class))
            .withUserConfiguration(Repositories.class)
            .withPropertyValues("spring.datasource.url=jdbc:mysql://" + HOST + ":" + PORT + "/" + SCHEMA,
                    "spring.datasource.username=" + USER, "spring.datasource.password=" + PASSWORD);

    final UUID one = UUID.fromString("3f1c2a9e-5b7d-4e8f-9a01-23456789abcd");
    final UUID two = UUID.fromString("0a0b0c0d-1e1f-4a4b-8c8d-9e9fa0a1a2a3");
    final UUID sender = UUID.fromString("77777777-1e1f-4a4b-8c8d-9e9fa0a1a2a3");

    @BeforeEach
    void emptySchema() throws SQLException {
        try (Connection server = DriverManager.getConnection("jdbc:mysql://" + HOST + ":" + PORT + "/", USER, PASSWORD)) {
            server.createStatement().execute("DROP DATABASE IF EXISTS " + SCHEMA);
            server.createStatement().execute("CREATE DATABASE " + SCHEMA);
        }
        try (Connection database = DriverManager.getConnection("jdbc:mysql://" + HOST + ":" + PORT + "/" + SCHEMA, USER,
                PASSWORD)) {
            database.createStatement().execute("CREATE TABLE parcel (id CHAR(36) PRIMARY KEY, sender CHAR(36) NOT NULL,"
                    + " version BIGINT NOT NULL)");
            database.createStatement().execute("CREATE TABLE stop (parcel_id CHAR(36) NOT NULL, stop_no INT NOT NULL,"
                    + " place VARCHAR(40) NOT NULL, PRIMARY KEY (parcel_id, stop_no))");
        }
    }

    @Test
    void idsAreStoredAsTheirUuidAndReadBackAsTheirType() {
        service.run(context -> {
            Parcels parcels = context.getBean(Parcels.class);
            parcels.save(new Parcel(new ParcelId(one), new SenderId(sender), List.of(new Stop("Harbin")), null));
            parcels.save(new Parcel(new ParcelId(two), new SenderId(sender), List.of(), null));

            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT id, sender FROM parcel ORDER BY id")).containsExactly(
                    Map.of("id", two.toString(), "sender", sender.toString()),
                    Map.of("id", one.toString(), "sender", sender.toString()));
            assertThat(jdbc.queryForObject("SELECT parcel_id FROM stop", String.class)).isEqualTo(one.toString());

            assertThat(parcels.findById(new ParcelId(one))).contains(
                    new Parcel(new ParcelId(one), new SenderId(sender), List.of(new Stop("Harbin")), 0L));
            assertThat(parcels.findBySender(new SenderId(sender))).extracting(Parcel::id)
                    .containsExactlyInAnyOrder(new ParcelId(one), new ParcelId(two));
            assertThat(parcels.idsSentBy(new SenderId(sender))).containsExactly(new ParcelId(two), new ParcelId(one));
            assertThat(parcels.idsSentBy(new SenderId(one))).isEmpty();
        });
    }
}
