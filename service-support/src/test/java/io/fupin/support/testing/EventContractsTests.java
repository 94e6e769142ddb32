package io.fupin.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.support.events.EventEnvelope;
import io.fupin.support.events.EventTopic;
import io.fupin.support.id.Identifier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
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

    /** A consumer's typed id: the plain UUID string in the sample. */
    record TypedId(UUID value) implements Identifier {
    }

    sealed interface ReadsTypedIds {

        record OrderPaid(TypedId orderId, long totalFen, List<TypedLine> lines) implements ReadsTypedIds {
        }
    }

    record TypedLine(TypedId productId, int quantity) {
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

    /** As if the producer renamed {@code totalFen}. */
    @EventTopic(ORDERS)
    sealed interface Renamed {

        record OrderPaid(UUID orderId, String orderNumber, String buyerId, String buyerKind,
                String organisationName, String channel, long grossFen, UUID paymentId, Instant paidAt,
                List<Line> lines) implements Renamed {
        }
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
    void aConsumerReadsTypedIdsFromThePlainUuidsOfTheSample() {
        var read = EventContracts.readSamples(ORDERS, ReadsTypedIds.class, json);

        assertThat(read).singleElement().satisfies(event -> {
            ReadsTypedIds.OrderPaid paid = (ReadsTypedIds.OrderPaid) event.payload();
            assertThat(paid.orderId().value()).hasToString(event.aggregateId());
            assertThat(paid.lines()).isNotEmpty().allSatisfy(line -> assertThat(line.productId().value()).isNotNull());
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
        EventEnvelope<Renamed> emitted = EventEnvelope.of(order, 2, Instant.now(), new Renamed.OrderPaid(order,
                "FP1", "buyer", "INDIVIDUAL", null, "ONLINE", 100, UUID.randomUUID(), Instant.now(), List.of()));

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

    sealed interface PaysAndRefunds {

        record OrderPaid(UUID orderId, long totalFen, List<Line> lines) implements PaysAndRefunds {
        }

        record OrderRefunded(UUID orderId, UUID refundId, List<Line> lines) implements PaysAndRefunds {
        }
    }

    @Test
    void samplesToApplyCarryFreshIdsTheSameWhereverTheyRecurAndFailOnAFieldTheProducerDoesNotEmit() {
        var samples = EventContracts.samplesToApply(ORDERS, PaysAndRefunds.class, json);
        var again = EventContracts.samplesToApply(ORDERS, PaysAndRefunds.class, json);

        PaysAndRefunds.OrderPaid paid = samples.get("OrderPaid").payload();
        PaysAndRefunds.OrderRefunded refunded = samples.get("OrderRefunded").payload();
        // The committed samples are of one order: applied, they still are, as an order no earlier run applied.
        assertThat(refunded.orderId()).isEqualTo(paid.orderId())
                .hasToString(samples.get("OrderPaid").event().aggregateId())
                .isNotEqualTo(again.get("OrderPaid").<PaysAndRefunds.OrderPaid>payload().orderId());
        assertThat(refunded.lines().getFirst().productId()).isEqualTo(paid.lines().getFirst().productId());
        assertThat(samples.get("OrderPaid").event().eventId()).isNotEqualTo(again.get("OrderPaid").event().eventId());
        assertThat(paid.totalFen()).isPositive();

        UUID order = UUID.randomUUID();
        var moved = samples.get("OrderRefunded").with(refunded.orderId(), order).again();
        assertThat(moved.record().key()).isEqualTo(order.toString());
        assertThat(moved.<PaysAndRefunds.OrderRefunded>payload().refundId()).isEqualTo(refunded.refundId());
        assertThat(moved.event().eventId()).isNotEqualTo(samples.get("OrderRefunded").event().eventId());

        assertThatThrownBy(() -> EventContracts.samplesToApply(ORDERS, ReadsGross.class, json))
                .hasMessageContaining("[\"payload.grossFen\"]");
    }

    /** As if order-service emitted an event type docs/events.md does not name. */
    @EventTopic(ORDERS)
    sealed interface Undocumented {

        record OrderPaid(UUID orderId) implements Undocumented {
        }

        record OrderTeleported(UUID orderId) implements Undocumented {
        }
    }

    @Test
    void theDocumentationNamesEveryEventTypeOfATopicAndItsConsumerGroups() {
        assertThatThrownBy(() -> EventContracts.assertDocumented(Undocumented.class))
                .hasMessageContaining("`OrderTeleported`");
        assertThatThrownBy(() -> EventContracts.assertDocumented(ReadsTotal.class))
                .hasMessageContaining("@EventTopic");
        EventContracts.assertDocumentedConsumer(ORDERS, "settlement-order-events");
        assertThatThrownBy(() -> EventContracts.assertDocumentedConsumer(ORDERS, "nobody-reads-this"))
                .hasMessageContaining("nobody-reads-this");
        assertThatThrownBy(() -> EventContracts.assertDocumentedConsumer("order-service.order-events.v9", "x"))
                .hasMessageContaining("no row of order-service.order-events.v9");
    }
}
