package io.fupin.settlement.payout;

import io.fupin.support.events.EventEnvelope;
import io.fupin.support.events.EventTopic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every event on {@code settlement-service.payout-events.v1}, each sent in an {@link EventEnvelope} keyed by
 * batch id. Written to the outbox in the transaction that marks the batch paid; sent to Kafka after commit.
 * <p>
 * A paid batch is told in pages (see {@link #pagesOf}), each well under Kafka's 1 MB record limit whatever
 * the number of households and of orders behind each.
 */
@EventTopic(PayoutEvent.TOPIC)
public sealed interface PayoutEvent {

    String TOPIC = "settlement-service.payout-events.v1";

    /**
     * One page of a paid batch: only the lines the bank paid (failed lines went back to the households'
     * balances). {@code totalFen} is the whole batch's; the pages' lines together are the batch's paid lines.
     * A household whose orders do not fit one page continues on the next: its amount is on its first part,
     * the later parts carry 0 and the rest of its order ids.
     */
    record PayoutBatchPaid(UUID batchId, String batchReference, String bankReference, Instant paidAt,
            long totalFen, int page, int pages, List<Line> lines) implements PayoutEvent {
    }

    record Line(UUID householdId, long amountFen, List<UUID> orderIds) {
    }

    /** At most this many order ids in one page (37 bytes each in JSON: about 370 KB). */
    int MAX_ORDER_IDS_PER_PAGE = 10_000;
    /** At most this many lines in one page (about 90 bytes each without order ids: about 180 KB). */
    int MAX_LINES_PER_PAGE = 2_000;

    /** The batch's paid lines in pages of at most {@link #MAX_LINES_PER_PAGE} lines and {@link #MAX_ORDER_IDS_PER_PAGE} order ids. */
    static List<EventEnvelope<PayoutEvent>> pagesOf(UUID batchId, String batchReference, String bankReference,
            Instant paidAt, long totalFen, List<Line> lines) {
        List<List<Line>> pages = new ArrayList<>();
        List<Line> page = new ArrayList<>();
        int orderIds = 0;
        for (Line line : lines) {
            List<UUID> rest = line.orderIds();
            long amount = line.amountFen();
            do {
                if (page.size() == MAX_LINES_PER_PAGE || orderIds == MAX_ORDER_IDS_PER_PAGE) {
                    pages.add(page);
                    page = new ArrayList<>();
                    orderIds = 0;
                }
                int take = Math.min(rest.size(), MAX_ORDER_IDS_PER_PAGE - orderIds);
                page.add(new Line(line.householdId(), amount, List.copyOf(rest.subList(0, take))));
                orderIds += take;
                rest = rest.subList(take, rest.size());
                amount = 0;
            } while (!rest.isEmpty());
        }
        if (!page.isEmpty() || pages.isEmpty()) {
            pages.add(page);
        }
        List<EventEnvelope<PayoutEvent>> events = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            events.add(EventEnvelope.of(batchId, paidAt, new PayoutBatchPaid(batchId, batchReference, bankReference, paidAt, totalFen,
                    i + 1, pages.size(), pages.get(i))));
        }
        return events;
    }
}
