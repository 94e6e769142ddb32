package io.fupin.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A consumer reads an envelope into its own record of the event type, whatever else the producer sends. */
class EventReaderTests {

    sealed interface OrderEvents permits OrderPaid, OrderCompleted {
    }

    record OrderPaid(UUID orderId, long totalFen, List<Line> lines) implements OrderEvents {
    }

    record Line(UUID productId, int quantity) {
    }

    record OrderCompleted(UUID orderId, Instant completedAt) implements OrderEvents {
    }

    final EventReader<OrderEvents> reader = EventReader.of(JsonMapper.builder().build(), OrderEvents.class);

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsThePayloadIntoTheRecordNamedByTheEventType() {
        UUID order = UUID.randomUUID();
        var event = reader.read(json("""
                {"eventId":"6c1f3f0e-8a4b-4f25-9d3f-1b6a4c2b9e11","eventType":"OrderPaid","eventVersion":1,"sequence":2,
                 "occurredAt":"2026-11-28T10:00:00Z","aggregateId":"%s","futureField":true,
                 "payload":{"orderId":"%s","totalFen":1990,"channel":"LIVESTREAM","lines":[{"productId":"%s","quantity":2}]}}
                """.formatted(order, order, order))).orElseThrow();

        assertThat(event.eventId()).isEqualTo(UUID.fromString("6c1f3f0e-8a4b-4f25-9d3f-1b6a4c2b9e11"));
        assertThat(event.sequence()).isEqualTo(2L);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(event.payload()).isEqualTo(new OrderPaid(order, 1990, List.of(new Line(order, 2))));
        String handled = switch (event.payload()) {
            case OrderPaid paid -> "paid " + paid.totalFen();
            case OrderCompleted completed -> "completed";
        };
        assertThat(handled).isEqualTo("paid 1990");
    }

    @Test
    void skipsAnEventTypeTheConsumerDoesNotRead() {
        assertThat(reader.read(json("""
                {"eventId":"6c1f3f0e-8a4b-4f25-9d3f-1b6a4c2b9e11","eventType":"OrderShipped","eventVersion":1,
                 "aggregateId":"x","payload":{"orderId":"nonsense"}}"""))).isEmpty();
    }

    @Test
    void refusesWhatIsNoEnvelope() {
        assertThatThrownBy(() -> reader.read(json("{\"hello\":1}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader.read(json("not json"))).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> reader.read(json("""
                {"eventId":"6c1f3f0e-8a4b-4f25-9d3f-1b6a4c2b9e11","eventType":"OrderPaid","eventVersion":1,"aggregateId":"x"}""")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAPayloadThatDoesNotFitTheRecord() {
        assertThatThrownBy(() -> reader.read(json("""
                {"eventId":"6c1f3f0e-8a4b-4f25-9d3f-1b6a4c2b9e11","eventType":"OrderPaid","aggregateId":"x",
                 "payload":{"orderId":"x","totalFen":"a lot"}}"""))).isInstanceOf(JacksonException.class);
    }

    @Test
    void refusesAnInterfaceThatIsNotSealed() {
        assertThatThrownBy(() -> EventReader.of(JsonMapper.builder().build(), Runnable.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
