package io.fupin.settlement.allocation;

import io.fupin.support.kafka.ProcessedEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keeps settlement's copy of the benefit linkages from {@code household-service.linkage-events.v1}, once per event. */
@Component
class LinkageEventsListener {

    static final String TOPIC = "household-service.linkage-events.v1";
    static final String CONSUMER = "settlement.linkage-events";
    private static final Logger log = LoggerFactory.getLogger(LinkageEventsListener.class);

    private final ProcessedEvents processed;
    private final ProceedsAllocation allocation;
    private final JsonMapper json;
    private final TransactionTemplate transactions;

    LinkageEventsListener(ProcessedEvents processed, ProceedsAllocation allocation, JsonMapper json, TransactionTemplate transactions) {
        this.processed = processed;
        this.allocation = allocation;
        this.json = json;
        this.transactions = transactions;
    }

    @KafkaListener(id = "settlement-linkage-events", topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        Envelope event = json.readValue(record.value(), Envelope.class);
        // The effect and the record of the event id commit together, or not at all.
        transactions.executeWithoutResult(status -> apply(event));
    }

    void apply(Envelope event) {
        if (!processed.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        if (!"BenefitLinkageVersioned".equals(event.eventType())) {
            log.debug("Ignoring {} {}", event.eventType(), event.eventId());
            return;
        }
        var versioned = json.treeToValue(event.payload(), BenefitLinkageVersioned.class);
        if (versioned.shares() == null || versioned.shares().isEmpty()
                || versioned.shares().stream().anyMatch(s -> s.shares() <= 0)) {
            throw new IllegalArgumentException("Linkage " + versioned.linkageId() + " v" + versioned.version()
                    + " has no positive shares");
        }
        allocation.linkageVersioned(new LinkageVersion(versioned.linkageId(), versioned.productId(),
                versioned.sellerId(), versioned.lotName(), versioned.version(), versioned.effectiveFrom(),
                versioned.shares().stream().map(s -> new Allocator.Share(s.householdId(), s.shares())).toList()),
                event.occurredAt() == null ? versioned.effectiveFrom() : event.occurredAt());
    }

    /** Settlement's own reading of the envelope; unknown fields ignored. */
    record Envelope(UUID eventId, String eventType, int eventVersion, Instant occurredAt, String aggregateId,
            JsonNode payload) {
    }

    record BenefitLinkageVersioned(UUID linkageId, UUID productId, UUID sellerId, String lotName, int version,
            Instant effectiveFrom, List<ShareMessage> shares) {
    }

    record ShareMessage(UUID householdId, long shares) {
    }
}
