package io.fupin.household.product;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

@Component
class ProductEventsListener {

    static final String TOPIC = "catalog-service.product-events.v1";

    private final KnownProducts products;
    private final JsonMapper json;

    ProductEventsListener(KnownProducts products, JsonMapper json) {
        this.products = products;
        this.json = json;
    }

    @KafkaListener(id = "household-product-events", topics = TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        products.apply(json.readValue(record.value(), ProductEventMessage.class));
    }
}
