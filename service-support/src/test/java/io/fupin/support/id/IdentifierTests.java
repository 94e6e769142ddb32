package io.fupin.support.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.DefaultFormattingConversionService;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A typed id is its UUID in JSON and in every conversion, with nothing declared but the record. */
class IdentifierTests {

    record ParcelId(UUID value) implements Identifier {
    }

    record SenderId(UUID value) implements Identifier {
    }

    record Parcel(ParcelId id, SenderId sender, List<ParcelId> related) {
    }

    record RawParcel(UUID id, UUID sender, List<UUID> related) {
    }

    final UUID one = UUID.fromString("3f1c2a9e-5b7d-4e8f-9a01-23456789abcd");
    final UUID two = UUID.fromString("0a0b0c0d-1e1f-4a4b-8c8d-9e9fa0a1a2a3");
    /** A mapper as tests and tools build one, with no module. */
    final JsonMapper plain = JsonMapper.builder().build();

    @Test
    void anIdIsWrittenAsThePlainUuidString() {
        String json = plain.writeValueAsString(new Parcel(new ParcelId(one), new SenderId(two), List.of(new ParcelId(two))));

        assertThat(json).isEqualTo("{\"id\":\"" + one + "\",\"sender\":\"" + two + "\",\"related\":[\"" + two + "\"]}");
        assertThat(json).as("the same bytes as with UUIDs")
                .isEqualTo(plain.writeValueAsString(new RawParcel(one, two, List.of(two))));
    }

    @Test
    void anIdIsReadFromThePlainUuidStringIntoItsOwnType() {
        Parcel parcel = plain.readValue("{\"id\":\"" + one + "\",\"sender\":\"" + two + "\",\"related\":[\"" + one + "\"]}",
                Parcel.class);

        assertThat(parcel).isEqualTo(new Parcel(new ParcelId(one), new SenderId(two), List.of(new ParcelId(one))));
        assertThat(plain.readValue("{\"id\":null}", Parcel.class).id()).isNull();
    }

    @Test
    void aStringThatIsNoUuidIsNoId() {
        assertThatThrownBy(() -> plain.readValue("{\"id\":\"3f1c2a9e\"}", Parcel.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> plain.readValue("{\"id\":{\"value\":\"" + one + "\"}}", Parcel.class))
                .as("the record's shape is not the wire format").isInstanceOf(JacksonException.class);
    }

    @Test
    void anIdAsAMapKeyWithTheModule() {
        JsonMapper json = JsonMapper.builder().addModule(new IdentifierModule()).build();
        TypeReference<Map<ParcelId, Integer>> type = new TypeReference<>() {
        };

        String written = json.writeValueAsString(Map.of(new ParcelId(one), 3));

        assertThat(written).isEqualTo("{\"" + one + "\":3}");
        assertThat(json.readValue(written, type)).containsExactly(Map.entry(new ParcelId(one), 3));
        assertThatThrownBy(() -> json.readValue("{\"nope\":3}", type)).isInstanceOf(JacksonException.class);
    }

    @Test
    void springsMapperGetsTheModule() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, IdentifierAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(JsonMapper.class)
                        .readValue("{\"" + two + "\":1}", new TypeReference<Map<SenderId, Integer>>() {
                        })).containsExactly(Map.entry(new SenderId(two), 1)));
    }

    @Test
    void identifiersMakesAnyIdTypeFromItsUuid() {
        assertThat(Identifiers.of(ParcelId.class, one)).isEqualTo(new ParcelId(one));
        assertThat(Identifiers.parse(SenderId.class, " " + two + " ")).isEqualTo(new SenderId(two));
        assertThatThrownBy(() -> Identifiers.parse(SenderId.class, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identifiers.of(Identifier.class, one)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an Identifier record");
    }

    @Test
    void theConversionsGoBothWaysForEveryIdType() {
        DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();
        IdentifierConversions.all().forEach(converter -> {
            if (converter instanceof IdentifierConversions.FromString from) {
                conversions.addConverterFactory(from);
            } else {
                conversions.addConverter((IdentifierConversions.ToString) converter);
            }
        });

        assertThat(conversions.convert(one.toString(), ParcelId.class)).isEqualTo(new ParcelId(one));
        assertThat(conversions.convert(two.toString(), SenderId.class)).isEqualTo(new SenderId(two));
        assertThat(conversions.convert(" ", SenderId.class)).isNull();
        assertThat(conversions.convert(new SenderId(two), String.class)).isEqualTo(two.toString());
        assertThatThrownBy(() -> conversions.convert("42", ParcelId.class)).isInstanceOf(ConversionFailedException.class);
    }
}
