package io.fupin.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.support.kafka.EventTraces;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import tools.jackson.databind.json.JsonMapper;

/** An envelope goes to its payload's topic keyed by its aggregate, and comes back from the outbox typed. */
class EventProducersTests {

    static final String TOPIC = "test-service.parcel-events.v1";

    @EventTopic(TOPIC)
    sealed interface ParcelEvent {

        record ParcelSent(UUID parcelId, List<Item> items) implements ParcelEvent {
        }

        record ParcelLost(UUID parcelId, String reason) implements ParcelEvent {
        }
    }

    record Item(String name, long priceFen) {
    }

    /** An event the service keeps to itself. */
    record ParcelCounted(int count) {
    }

    final JsonMapper json = JsonMapper.builder().build();
    final EventExternalizationConfiguration routing = new EventProducersAutoConfiguration()
            .eventTopics(new DefaultListableBeanFactory().getBeanProvider(EventTraces.class));
    final OutboxEventSerializer outbox = new OutboxEventSerializer(json);

    @Test
    void anEnvelopeGoesToItsPayloadsTopicKeyedByItsAggregate() {
        UUID parcel = UUID.randomUUID();
        var sent = EventEnvelope.of(parcel, Instant.now(), new ParcelEvent.ParcelSent(parcel, List.of()));

        assertThat(routing.supports(sent)).isTrue();
        assertThat(routing.determineTarget(sent)).isEqualTo(RoutingTarget.forTarget(TOPIC).andKey(parcel.toString()));
        assertThat(sent.eventType()).isEqualTo("ParcelSent");
        assertThat(routing.getHeadersFor(sent)).as("no trace headers without tracing").isEmpty();
    }

    @Test
    void anEnvelopeOfAPayloadWithoutTopicAndAnyOtherEventStayInTheService() {
        assertThat(routing.supports(EventEnvelope.of("x", Instant.now(), new ParcelCounted(3)))).isFalse();
        assertThat(routing.supports(new ParcelCounted(3))).isFalse();
    }

    @Test
    void anEnvelopeReadBackFromTheOutboxHasItsTypedPayloadAndIsRoutedAsBefore() {
        UUID parcel = UUID.randomUUID();
        var sent = EventEnvelope.of(parcel, 7, Instant.parse("2026-11-30T08:00:00Z"),
                new ParcelEvent.ParcelSent(parcel, List.of(new Item("花生", 2500))));

        Object stored = outbox.serialize(sent);
        EventEnvelope<?> read = outbox.deserialize(stored, EventEnvelope.class);

        assertThat(read).isEqualTo(sent);
        assertThat(read.payload()).isInstanceOf(ParcelEvent.ParcelSent.class);
        assertThat(routing.determineTarget(read)).isEqualTo(routing.determineTarget(sent));
        assertThat(outbox.serialize(read)).isEqualTo(stored);
    }

    record ParcelId(UUID value) implements io.fupin.support.id.Identifier {
    }

    @Test
    void aTypedAggregateIdIsTheRecordsKeyAsItsUuid() {
        UUID parcel = UUID.randomUUID();

        assertThat(EventEnvelope.of(new ParcelId(parcel), Instant.now(), new ParcelCounted(3)).aggregateId())
                .isEqualTo(parcel.toString());
        assertThat(EventEnvelope.of(new ParcelId(parcel), 2, Instant.now(), new ParcelCounted(3)).aggregateId())
                .isEqualTo(parcel.toString());
    }

    @Test
    void theTopicsRecordIsTheEnvelopeAloneWithoutTheOutboxsPayloadClass() {
        var lost = EventEnvelope.of("p-1", Instant.now(), new ParcelEvent.ParcelLost(UUID.randomUUID(), "雨"));

        assertThat(json.readTree(json.writeValueAsBytes(lost)).propertyNames())
                .containsExactly("eventId", "eventType", "eventVersion", "occurredAt", "aggregateId", "payload");
        assertThat(json.readTree(outbox.serialize(lost).toString()).has(OutboxEventSerializer.PAYLOAD_CLASS)).isTrue();
    }

    @Test
    void otherEventsAreStoredAsTheyAre() {
        assertThat(outbox.deserialize(outbox.serialize(new ParcelCounted(3)), ParcelCounted.class))
                .isEqualTo(new ParcelCounted(3));
        assertThatThrownBy(() -> outbox.deserialize("{\"eventId\":\"" + UUID.randomUUID() + "\"}", EventEnvelope.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOutboxEntryOfTheFormerEnvelopeClassNowTheSealedInterfaceReadsAsTheEnvelope() {
        UUID parcel = UUID.randomUUID();
        String before = """
                {"eventId":"%s","eventType":"ParcelLost","eventVersion":1,"occurredAt":"2026-11-30T08:00:00Z",
                 "aggregateId":"%s","payload":{"parcelId":"%s","reason":"雨"}}""".formatted(UUID.randomUUID(), parcel,
                parcel);

        // As Spring Modulith's repository asks: for the class its row names, whatever that class is now.
        Class<?> namedInTheRow = ParcelEvent.class;
        Object read = outbox.deserialize(before, namedInTheRow);

        assertThat(read).isInstanceOfSatisfying(EventEnvelope.class, envelope -> {
            assertThat(envelope.payload()).isEqualTo(new ParcelEvent.ParcelLost(parcel, "雨"));
            assertThat(routing.determineTarget(envelope))
                    .isEqualTo(RoutingTarget.forTarget(TOPIC).andKey(parcel.toString()));
        });
    }
}
