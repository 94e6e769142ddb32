package io.fupin.household.product;

import io.fupin.support.events.EventConsumers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ProductEventsListener {

    static final String TOPIC = "catalog-service.product-events.v1";
    static final String CONSUMER = "household.product-events";

    private final EventConsumers events;
    private final KnownProducts products;

    ProductEventsListener(EventConsumers events, KnownProducts products) {
        this.events = events;
        this.products = products;
    }

    @KafkaListener(id = "household-product-events", topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        events.apply(CONSUMER, record.value(), ProductEventMessage.class, products::apply);
    }
}
