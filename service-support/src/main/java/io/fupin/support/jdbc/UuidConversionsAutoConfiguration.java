package io.fupin.support.jdbc;

import io.fupin.support.id.Identifier;
import io.fupin.support.id.IdentifierConversions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;

/**
 * Ids are UUIDs stored as {@code CHAR(36)}: readable in the MySQL client and in bank files, and
 * portable between MariaDB and MySQL. Connector/J would otherwise serialize a UUID as a Java object.
 * Typed ids ({@link Identifier}s) are stored in the same column as the UUID they wrap, whichever their type:
 * as an aggregate's {@code @Id}, a property, a query's parameter or its result.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration")
@ConditionalOnClass(JdbcCustomConversions.class)
public class UuidConversionsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JdbcCustomConversions jdbcCustomConversions() {
        List<Object> converters = new ArrayList<>(List.of(UuidToString.INSTANCE, StringToUuid.INSTANCE));
        converters.addAll(IdentifierConversions.all());
        return new JdbcCustomConversions(converters);
    }

    @WritingConverter
    enum UuidToString implements Converter<UUID, String> {
        INSTANCE;

        @Override
        public String convert(UUID source) {
            return source.toString();
        }
    }

    @ReadingConverter
    enum StringToUuid implements Converter<String, UUID> {
        INSTANCE;

        @Override
        public UUID convert(String source) {
            return UUID.fromString(source);
        }
    }
}
