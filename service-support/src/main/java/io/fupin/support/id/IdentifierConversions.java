package io.fupin.support.id;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * The two conversions every {@link Identifier} type shares, for Spring MVC (path variables, parameters, headers)
 * and Spring Data JDBC ({@code CHAR(36)} columns) alike: from the UUID string to whichever id type is wanted, and
 * back. A blank string is no id ({@code null}), as for a UUID.
 */
public final class IdentifierConversions {

    private IdentifierConversions() {
    }

    /** Both conversions, for a converter registry or {@code JdbcCustomConversions}. */
    public static List<Object> all() {
        return List.of(FromString.INSTANCE, ToString.INSTANCE);
    }

    @ReadingConverter
    public enum FromString implements ConverterFactory<String, Identifier> {
        INSTANCE;

        /** Spring asks for the converter at every conversion: one per id type, made once. */
        private static final ClassValue<Converter<String, ?>> CONVERTERS = new ClassValue<>() {
            @Override
            protected Converter<String, ?> computeValue(Class<?> type) {
                Class<? extends Identifier> id = type.asSubclass(Identifier.class);
                return source -> source.isBlank() ? null : Identifiers.parse(id, source);
            }
        };

        @Override
        @SuppressWarnings("unchecked")
        public <T extends Identifier> Converter<String, T> getConverter(Class<T> targetType) {
            return (Converter<String, T>) CONVERTERS.get(targetType);
        }
    }

    @WritingConverter
    public enum ToString implements Converter<Identifier, String> {
        INSTANCE;

        @Override
        public String convert(Identifier source) {
            return source.value().toString();
        }
    }
}
