package io.fupin.household.income;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

@Component
class PayoutEventsListener {

    static final String TOPIC = "settlement-service.payout-events.v1";

    private final IncomeLedger ledger;
    private final JsonMapper json;

    PayoutEventsListener(IncomeLedger ledger, JsonMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    @KafkaListener(id = "household-payout-events", topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        ledger.apply(json.readValue(record.value(), PayoutEventMessage.class));
    }
}
