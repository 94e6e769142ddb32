package io.fupin.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.order.stock.ProductId;
import io.fupin.support.testing.EventContracts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every order event stays far below Kafka's record limit for the largest order the API accepts. */
class OrderEventSizeTests {

    /** PlaceOrder and a refund request take at most 20 lines; a shipment names at most every line's product. */
    static final int MAX_LINES = 20;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyOrderEventOfTheLargestOrderStaysUnderTheRecordLimit() {
        OrderId order = new OrderId(UUID.randomUUID());
        Instant at = Instant.parse("2026-11-30T08:00:00Z");
        List<OrderEvent.Line> lines = IntStream.range(0, MAX_LINES).mapToObj(i -> new OrderEvent.Line(new ProductId(UUID.randomUUID()),
                UUID.randomUUID(), Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, LocalDate.MAX))
                .toList();
        // PlaceOrder takes an organisation name of at most 200 characters; the buyer is the caller's subject.
        String organisation = "组".repeat(200);
        String buyer = "b".repeat(255);
        List<OrderEvent> largest = List.of(
                new OrderEvent.OrderPlaced(order, "FP261130ABCDEF012345", buyer, BuyerKind.ORGANISATION, organisation,
                        Channel.WHOLESALE_MARKET, Long.MAX_VALUE, at, lines),
                new OrderEvent.OrderPaid(order, "FP261130ABCDEF012345", buyer, BuyerKind.ORGANISATION, organisation,
                        Channel.WHOLESALE_MARKET, Long.MAX_VALUE, UUID.randomUUID(), at, lines),
                new OrderEvent.OrderCancelled(order, "PRESALE_SHORTFALL", true, at),
                new OrderEvent.OrderShipped(order, UUID.randomUUID(), "T".repeat(64), at,
                        lines.stream().map(OrderEvent.Line::productId).toList()),
                new OrderEvent.OrderDelivered(order, at, true),
                new OrderEvent.OrderCompleted(order, at),
                new OrderEvent.OrderRefunded(order, UUID.randomUUID(), "PRESALE_SHORTFALL", at, Long.MAX_VALUE, lines));
        assertThat(largest).<Class<?>>extracting(Object::getClass)
                .as("a size case for every order event type")
                .containsExactlyInAnyOrder(OrderEvent.class.getPermittedSubclasses());

        for (OrderEvent event : largest) {
            assertThat(EventContracts.assertUnderRecordLimit(OrderEvent.of(order, Long.MAX_VALUE, at, event), json))
                    .isLessThan(20_000);
        }
    }

    @Test
    void docsEventsMdNamesTheTopicAndEveryEventType() {
        EventContracts.assertDocumented(OrderEvent.class);
    }
}
