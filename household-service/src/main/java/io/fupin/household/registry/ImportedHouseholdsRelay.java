package io.fupin.household.registry;

import io.fupin.support.events.EventEnvelope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an import's {@code HouseholdRegistered} events. The import writes one outbox entry holding them
 * all (one row instead of 10,000 keeps a large import within seconds); this listener runs after commit
 * and completes the entry only when the broker has acknowledged every record, so a failure leaves the
 * entry to be resubmitted. Resending repeats the same event ids, which consumers already deduplicate.
 */
@Component
class ImportedHouseholdsRelay {

    private final KafkaOperations<Object, Object> kafka;
    private final JsonMapper json;

    ImportedHouseholdsRelay(KafkaOperations<Object, Object> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    /** Many registrations of one import, in file order. */
    record HouseholdsImported(List<EventEnvelope<HouseholdEvent.HouseholdRegistered>> events) {
    }

    @ApplicationModuleListener
    void on(HouseholdsImported imported) {
        CompletableFuture<?>[] sends = imported.events().stream().map(event -> kafka.send(
                new ProducerRecord<>(HouseholdEvent.TOPIC, event.aggregateId(), json.writeValueAsBytes(event))))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sends).join();
    }
}
