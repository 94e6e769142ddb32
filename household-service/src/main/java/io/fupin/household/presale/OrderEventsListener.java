package io.fupin.household.presale;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

@Component
class OrderEventsListener {

    static final String TOPIC = "order-service.order-events.v1";

    private final PresaleMatching matching;
    private final JsonMapper json;

    OrderEventsListener(PresaleMatching matching, JsonMapper json) {
        this.matching = matching;
        this.json = json;
    }

    @KafkaListener(id = "household-order-events", topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        matching.apply(json.readValue(record.value(), OrderEventMessage.class));
    }
}
