package io.fupin.settlement.intake;

import io.fupin.support.events.EventConsumers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class OrderEventsListener {

    static final String TOPIC = "order-service.order-events.v1";

    private final EventConsumers events;
    private final OrderIntake intake;

    OrderEventsListener(EventConsumers events, OrderIntake intake) {
        this.events = events;
        this.intake = intake;
    }

    @KafkaListener(id = "settlement-order-events", topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        events.apply(OrderIntake.CONSUMER, record.value(), OrderEventMessage.class, intake::apply);
    }
}
