package io.fupin.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.Externalized;
import tools.jackson.databind.json.JsonMapper;

/** Both sides of a contract fail on a renamed field, against the committed sample of order-service's OrderPaid. */
class EventContractsTests {

    static final String ORDERS = "order-service.order-events.v1";
    final JsonMapper json = JsonMapper.builder().build();

    sealed interface ReadsTotal {

        record OrderPaid(UUID orderId, long totalFen, List<Line> lines) implements ReadsTotal {
        }
    }

    record Line(UUID productId, int quantity) {
    }

    /** As if the consumer read a field the producer never emitted. */
    sealed interface ReadsGross {

        record OrderPaid(UUID orderId, long grossFen) implements ReadsGross {
        }
    }

    sealed interface ReadsGrossIfThere {

        record OrderPaid(UUID orderId, @Nullable Long grossFen) implements ReadsGrossIfThere {
        }
    }

    @Externalized(ORDERS + "::#{#this.aggregateId()}")
    record Renamed(UUID eventId, String eventType, int eventVersion, long sequence, Instant occurredAt,
            String aggregateId, Object payload) {
    }

    record PaidWithGross(UUID orderId, String orderNumber, String buyerId, String buyerKind,
            String organisationName, String channel, long grossFen, UUID paymentId, Instant paidAt,
            List<Line> lines) {
    }

    @Test
    void aConsumerReadsTheSampleIntoItsOwnRecords() {
        var read = EventContracts.readSamples(ORDERS, ReadsTotal.class, json);

        assertThat(read).singleElement().satisfies(event -> {
            ReadsTotal.OrderPaid paid = (ReadsTotal.OrderPaid) event.payload();
            assertThat(paid.totalFen()).isPositive();
            assertThat(paid.lines()).isNotEmpty();
        });
    }

    @Test
    void aConsumerReadingAFieldTheProducerDoesNotEmitFailsUnlessItIsOptional() {
        assertThatThrownBy(() -> EventContracts.readSamples(ORDERS, ReadsGross.class, json))
                .hasMessageContaining("[\"payload.grossFen\"]");

        assertThat(EventContracts.readSamples(ORDERS, ReadsGrossIfThere.class, json)).singleElement()
                .satisfies(event -> assertThat(((ReadsGrossIfThere.OrderPaid) event.payload()).grossFen()).isNull());
    }

    @Test
    void aProducerEmittingARenamedFieldFailsSayingWhatChangedAndHowToWriteTheSamplesAgain() {
        UUID order = UUID.randomUUID();
        Renamed emitted = new Renamed(UUID.randomUUID(), "OrderPaid", 1, 2, Instant.now(), order.toString(),
                new PaidWithGross(order, "FP1", "buyer", "INDIVIDUAL", null, "ONLINE", 100, UUID.randomUUID(),
                        Instant.now(), List.of()));

        assertThat(EventContracts.topicOf(emitted)).contains(ORDERS);
        // Compared directly, not through assertMatchesSample: with -Dfupin.events.write-samples=true it would
        // write this renamed event over the committed sample.
        Path sample = EventContracts.samples(ORDERS).resolve("OrderPaid.json");
        assertThatThrownBy(() -> EventContracts.compareWithSample(ORDERS, "OrderPaid",
                json.readTree(json.writeValueAsBytes(emitted)), sample))
                .hasMessageContaining("fields gone [payload.totalFen]")
                .hasMessageContaining("fields new [payload.grossFen]")
                .hasMessageContaining("-Dfupin.events.write-samples=true");
    }
}
