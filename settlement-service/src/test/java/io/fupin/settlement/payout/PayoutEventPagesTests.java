package io.fupin.settlement.payout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.events.EventEnvelope;
import io.fupin.support.testing.EventContracts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A paid batch of any size is told in records Kafka accepts: the broker refuses a record over 1 MB
 * ({@code message.max.bytes} 1,048,588), and a month of sales is far more than that in one record.
 */
class PayoutEventPagesTests {

    private static final int LIMIT = EventContracts.RECORD_LIMIT_BYTES;
    private static final Instant PAID_AT = Instant.parse("2030-02-01T02:00:00Z");
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aBatchOfHundredThousandHouseholdLinesIsToldInPagesUnderTheLimitThatAddUpToTheBatch() {
        Random random = new Random(15);
        List<PayoutEvent.Line> lines = IntStream.range(0, 100_000).mapToObj(i -> new PayoutEvent.Line(
                new UUID(15, i), 1 + random.nextInt(100_000),
                IntStream.range(0, 1 + random.nextInt(30)).mapToObj(j -> UUID.randomUUID()).toList())).toList();
        long total = lines.stream().mapToLong(PayoutEvent.Line::amountFen).sum();

        var pages = PayoutEvent.pagesOf(UUID.randomUUID(), "PB-20300201-001", "BANK-1", PAID_AT, total, lines);

        // In one record, as it was, the batch is tens of megabytes: the broker would refuse it every time.
        assertThat(json.writeValueAsBytes(new PayoutEvent.PayoutBatchPaid(UUID.randomUUID(), "PB-20300201-001",
                "BANK-1", PAID_AT, total, 1, 1, lines)).length).isGreaterThan(10 * LIMIT);
        assertThat(pages).hasSizeGreaterThan(1);
        assertAllUnderTheLimit(pages);
        assertThat(reassembled(pages)).isEqualTo(byHousehold(lines));
        assertThat(pages.stream().map(p -> page(p).page()).toList())
                .isEqualTo(IntStream.rangeClosed(1, pages.size()).boxed().toList());
        assertThat(pages).allSatisfy(p -> {
            assertThat(page(p).pages()).isEqualTo(pages.size());
            assertThat(page(p).totalFen()).isEqualTo(total);
            assertThat(p.aggregateId()).isEqualTo(page(pages.getFirst()).batchId().toString());
        });
        assertThat(pages.stream().map(EventEnvelope::eventId).distinct()).hasSize(pages.size());
    }

    @Test
    void aHouseholdBehindAMillionOrdersContinuesOverPagesWithItsAmountCountedOnce() {
        UUID household = UUID.randomUUID();
        List<UUID> orders = IntStream.range(0, 1_000_000).mapToObj(i -> new UUID(7, i)).toList();
        List<PayoutEvent.Line> lines = List.of(new PayoutEvent.Line(UUID.randomUUID(), 100, List.of(UUID.randomUUID())),
                new PayoutEvent.Line(household, 987_654_321L, orders),
                new PayoutEvent.Line(UUID.randomUUID(), 200, List.of()));

        var pages = PayoutEvent.pagesOf(UUID.randomUUID(), "PB-1", "BANK-1", PAID_AT, 987_654_621L, lines);

        assertAllUnderTheLimit(pages);
        assertThat(reassembled(pages)).isEqualTo(byHousehold(lines));
        assertThat(pages.stream().flatMap(p -> page(p).lines().stream())
                .filter(l -> l.householdId().equals(household) && l.amountFen() != 0)).hasSize(1);
    }

    @Test
    void theFullestPageTheRulesAllowStaysUnderTheLimit() {
        // As many lines as a page takes, each with as many orders as still fit, the largest amounts.
        List<PayoutEvent.Line> lines = new ArrayList<>();
        for (int i = 0; i < 3 * PayoutEvent.MAX_LINES_PER_PAGE; i++) {
            lines.add(new PayoutEvent.Line(UUID.randomUUID(), Long.MAX_VALUE / 10_000,
                    IntStream.range(0, PayoutEvent.MAX_ORDER_IDS_PER_PAGE / PayoutEvent.MAX_LINES_PER_PAGE)
                            .mapToObj(j -> UUID.randomUUID()).toList()));
        }
        var pages = PayoutEvent.pagesOf(UUID.randomUUID(), "PB-20300201-999", "B".repeat(100), PAID_AT,
                Long.MAX_VALUE, lines);
        assertThat(pages).hasSize(3);
        assertAllUnderTheLimit(pages);
    }

    @Test
    void aBatchWithoutPaidLinesIsStillOnePage() {
        var pages = PayoutEvent.pagesOf(UUID.randomUUID(), "PB-1", "BANK-1", PAID_AT, 0, List.of());
        assertThat(pages).singleElement().satisfies(p -> assertThat(page(p).lines()).isEmpty());
    }

    private void assertAllUnderTheLimit(List<EventEnvelope<PayoutEvent>> pages) {
        for (EventEnvelope<PayoutEvent> page : pages) {
            EventContracts.assertUnderRecordLimit(page, json);
        }
    }

    private static PayoutEvent.PayoutBatchPaid page(EventEnvelope<PayoutEvent> event) {
        return (PayoutEvent.PayoutBatchPaid) event.payload();
    }

    private static Map<UUID, String> reassembled(List<EventEnvelope<PayoutEvent>> pages) {
        Map<UUID, Long> amounts = new LinkedHashMap<>();
        Map<UUID, List<UUID>> orders = new LinkedHashMap<>();
        for (EventEnvelope<PayoutEvent> page : pages) {
            for (PayoutEvent.Line line : page(page).lines()) {
                amounts.merge(line.householdId(), line.amountFen(), Long::sum);
                orders.computeIfAbsent(line.householdId(), h -> new ArrayList<>()).addAll(line.orderIds());
            }
        }
        Map<UUID, String> result = new LinkedHashMap<>();
        amounts.forEach((h, a) -> result.put(h, a + " " + orders.get(h)));
        return result;
    }

    private static Map<UUID, String> byHousehold(List<PayoutEvent.Line> lines) {
        Map<UUID, String> result = new LinkedHashMap<>();
        lines.forEach(l -> result.put(l.householdId(), l.amountFen() + " " + l.orderIds()));
        return result;
    }

    @Test
    void docsEventsMdNamesTheTopicAndEveryEventType() {
        EventContracts.assertDocumented(PayoutEvent.class);
    }
}
