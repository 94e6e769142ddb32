package io.fupin.support.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Adds the event tables (the outbox {@code EVENT_PUBLICATION} and {@code processed_event}) to every service's
 * Flyway migrations, from the one location {@value #LOCATION}, as their version 1.
 * <p>
 * Databases migrated before the tables moved here hold version 1 as each service's own
 * {@code V1__create_event_tables.sql}; the shared script is the same file byte for byte, so Flyway finds the
 * same version, description and checksum and goes on with the service's later versions. Never edit it: a
 * change of one byte fails the validation of every existing database (a new version adds to it instead).
 */
@AutoConfiguration
@ConditionalOnClass({FlywayConfigurationCustomizer.class, Location.class})
public class EventTablesAutoConfiguration {

    public static final String LOCATION = "classpath:db/fupin-events";

    @Bean
    FlywayConfigurationCustomizer eventTablesLocation() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            if (locations.stream().noneMatch(location -> location.toString().equals(LOCATION))) {
                locations.add(new Location(LOCATION));
            }
            configuration.locations(locations.toArray(Location[]::new));
        };
    }
}
