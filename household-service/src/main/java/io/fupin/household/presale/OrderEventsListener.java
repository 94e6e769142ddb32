package io.fupin.household.presale;

import io.fupin.support.events.EventConsumers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class OrderEventsListener {

    static final String TOPIC = "order-service.order-events.v1";
    static final String CONSUMER = "household.order-events";

    private final EventConsumers events;
    private final PresaleMatching matching;

    OrderEventsListener(EventConsumers events, PresaleMatching matching) {
        this.events = events;
        this.matching = matching;
    }

    @KafkaListener(id = "household-order-events", topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        events.apply(CONSUMER, record.value(), OrderEventMessage.class, matching::apply);
    }
}
