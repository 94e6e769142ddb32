package io.fupin.order.payment;

import io.fupin.order.checkout.OrderEvent;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each {@code OrderRefunded} back through the provider after the order's transaction committed. The
 * event publication registry keeps the delivery until it succeeded, so a provider outage delays a refund but
 * never loses it; the refund id makes sending it twice harmless.
 */
@Component
class RefundSender {

    private final PaymentDesk desk;
    private final JsonMapper json;

    RefundSender(PaymentDesk desk, JsonMapper json) {
        this.desk = desk;
        this.json = json;
    }

    // The condition keeps the registry from recording a publication for every other order event.
    @ApplicationModuleListener(condition = "#event.eventType() == 'OrderRefunded'")
    void on(OrderEvent event) {
        // After a restart the registry hands the payload back as a map: read it by field either way.
        JsonNode payload = json.valueToTree(event.payload());
        desk.refundOrder(UUID.fromString(payload.get("orderId").asString()),
                UUID.fromString(payload.get("refundId").asString()), payload.get("totalFen").asLong(),
                payload.get("reason").asString());
    }
}
