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

    /**
     * One consumer thread per partition share ({@code fupin.events.order-events.concurrency}, 3 by default, of the
     * topic's 6 partitions): an order's events share a key, hence a partition and a thread, so they still arrive in
     * order, while other orders' events are applied beside them. With one thread, an outage's backlog drained
     * behind a single transaction at a time.
     */
    @KafkaListener(id = "settlement-order-events", topics = TOPIC,
            concurrency = "${fupin.events.order-events.concurrency:3}")
    void on(ConsumerRecord<String, byte[]> record) {
        events.apply(OrderIntake.CONSUMER, record.value(), OrderEventMessage.class, intake::apply);
    }
}
