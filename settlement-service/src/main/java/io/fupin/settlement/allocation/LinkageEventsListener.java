package io.fupin.settlement.allocation;

import io.fupin.support.events.EventConsumers;
import io.fupin.support.events.EventEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps settlement's copy of the benefit linkages from {@code household-service.linkage-events.v1}, once per event. */
@Component
class LinkageEventsListener {

    static final String TOPIC = "household-service.linkage-events.v1";
    static final String CONSUMER = "settlement.linkage-events";

    private final EventConsumers events;
    private final ProceedsAllocation allocation;

    LinkageEventsListener(EventConsumers events, ProceedsAllocation allocation) {
        this.events = events;
        this.allocation = allocation;
    }

    @KafkaListener(id = "settlement-linkage-events", topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        events.apply(CONSUMER, record.value(), LinkageEvents.class, this::apply);
    }

    void apply(EventEnvelope<LinkageEvents> event) {
        switch (event.payload()) {
            case BenefitLinkageVersioned versioned -> {
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
        }
    }

    /** Settlement's own reading of the topic's events (no shared classes with the producer); unknown fields ignored. */
    sealed interface LinkageEvents permits BenefitLinkageVersioned {
    }

    record BenefitLinkageVersioned(UUID linkageId, UUID productId, UUID sellerId, String lotName, int version,
            Instant effectiveFrom, List<ShareMessage> shares) implements LinkageEvents {
    }

    record ShareMessage(UUID householdId, long shares) {
    }
}
