package io.fupin.household.income;

import io.fupin.support.events.EventConsumers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class PayoutEventsListener {

    static final String TOPIC = "settlement-service.payout-events.v1";
    static final String CONSUMER = "household.payout-events";

    private final EventConsumers events;
    private final IncomeLedger ledger;

    PayoutEventsListener(EventConsumers events, IncomeLedger ledger) {
        this.events = events;
        this.ledger = ledger;
    }

    @KafkaListener(id = "household-payout-events", topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        events.apply(CONSUMER, record.value(), PayoutEventMessage.class, ledger::apply);
    }
}
