package io.fupin.settlement.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

@Component
class OrderEventsListener {

    static final String TOPIC = "order-service.order-events.v1";

    private final OrderIntake intake;
    private final JsonMapper json;

    OrderEventsListener(OrderIntake intake, JsonMapper json) {
        this.intake = intake;
        this.json = json;
    }

    @KafkaListener(id = "settlement-order-events", topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        intake.apply(json.readValue(record.value(), OrderEventMessage.class));
    }
}
