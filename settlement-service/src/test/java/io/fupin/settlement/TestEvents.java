package io.fupin.settlement;

import io.fupin.support.crypto.KeyRing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * Events shaped exactly as docs/events.md describes them, as the producers emit them (with a field
 * settlement does not know, which it must ignore), and a way to put them on the embedded broker.
 */
public final class TestEvents {

    public static final String ORDERS = "order-service.order-events.v1";
    public static final String LINKAGES = "household-service.linkage-events.v1";
    public static final String HOUSEHOLDS = "household-service.household-events.v1";
    public static final String PAYOUTS = "settlement-service.payout-events.v1";

    /** An event ready to send: topic, key, id and JSON. */
    public record Event(String topic, String key, UUID eventId, String json) {
    }

    public record Line(UUID productId, UUID sellerId, int quantity, long unitPriceFen, long unitCostFen) {
        String json() {
            return """
                    {"productId":"%s","sellerId":"%s","quantity":%d,"unitPriceFen":%d,"unitCostFen":%d,"amountFen":%d,"presaleDeliveryDate":null}"""
                    .formatted(productId, sellerId, quantity, unitPriceFen, unitCostFen, quantity * unitPriceFen);
        }

        long amountFen() {
            return quantity * unitPriceFen;
        }
    }

    public record Share(UUID householdId, long shares) {
    }

    private TestEvents() {
    }

    public static Event orderPaid(UUID orderId, Instant paidAt, List<Line> lines) {
        long total = lines.stream().mapToLong(Line::amountFen).sum();
        return envelope(ORDERS, orderId, "OrderPaid", paidAt, """
                {"orderId":"%s","orderNumber":"FP261128ABCDEF012345","buyerId":"consumer","buyerKind":"INDIVIDUAL",
                 "organisationName":null,"channel":"ONLINE","totalFen":%d,"paymentId":"%s","paidAt":"%s","someFutureField":1,
                 "lines":[%s]}""".formatted(orderId, total, UUID.randomUUID(), paidAt,
                lines.stream().map(Line::json).collect(Collectors.joining(","))));
    }

    public static Event orderCompleted(UUID orderId, Instant completedAt) {
        return envelope(ORDERS, orderId, "OrderCompleted", completedAt,
                """
                {"orderId":"%s","completedAt":"%s"}""".formatted(orderId, completedAt));
    }

    public static Event orderRefunded(UUID orderId, Instant refundedAt, List<Line> lines) {
        long total = lines.stream().mapToLong(Line::amountFen).sum();
        return envelope(ORDERS, orderId, "OrderRefunded", refundedAt, """
                {"orderId":"%s","refundId":"%s","reason":"damaged","refundedAt":"%s","totalFen":%d,"lines":[%s]}"""
                .formatted(orderId, UUID.randomUUID(), refundedAt, total,
                        lines.stream().map(Line::json).collect(Collectors.joining(","))));
    }

    public static Event orderShipped(UUID orderId, Instant at) {
        return envelope(ORDERS, orderId, "OrderShipped", at, """
                {"orderId":"%s","sellerId":"%s","trackingNumber":"SF123","shippedAt":"%s","productIds":[]}"""
                .formatted(orderId, UUID.randomUUID(), at));
    }

    public static Event linkageVersioned(UUID linkageId, UUID productId, int version, Instant effectiveFrom,
            List<Share> shares) {
        return envelope(LINKAGES, productId, "BenefitLinkageVersioned", effectiveFrom, """
                {"linkageId":"%s","productId":"%s","sellerId":"%s","lotName":"鹅 700 只","version":%d,
                 "effectiveFrom":"%s","shares":[%s]}""".formatted(linkageId, productId, UUID.randomUUID(), version,
                effectiveFrom, shares.stream().map(s -> "{\"householdId\":\"%s\",\"shares\":%d}"
                        .formatted(s.householdId(), s.shares())).collect(Collectors.joining(","))));
    }

    public static Event householdRegistered(UUID householdId, String registrationNumber, String headName,
            String accountNumber) {
        return householdChanged("HouseholdRegistered", householdId, registrationNumber, headName, accountNumber,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** household-service's tests and these share this test-only key (application-test.yml). */
    public static final KeyRing PAYOUT_ACCOUNT_KEY = KeyRing.fromSettings("FUPIN_PAYOUT_ACCOUNT_KEY",
            "dGVzdC1vbmx5LXBheW91dC1hY2NvdW50LWtleS0wMTI=", "FUPIN_PREVIOUS_PAYOUT_ACCOUNT_KEYS", "");

    /** As household-service emits it: the payout account sealed for the household, never in clear. */
    public static Event householdChanged(String type, UUID householdId, String registrationNumber, String headName,
            String accountNumber, Instant changedAt) {
        String sealed = PAYOUT_ACCOUNT_KEY.seal(accountNumber, "household/" + householdId + "/payout-account").text();
        return envelope(HOUSEHOLDS, householdId, type, changedAt, """
                {"householdId":"%s","registrationNumber":"%s","headName":"%s","category":"REGISTERED_POOR",
                 "villageId":"%s","villageName":"兴工村","townName":"双城镇",
                 "payoutAccount":{"bankName":"中国农业银行","accountMasked":"%s","accountSealed":"%s"},
                 "status":"ACTIVE","changedAt":"%s"}"""
                .formatted(householdId, registrationNumber, headName, UUID.randomUUID(),
                        accountNumber.substring(0, 4) + "****" + accountNumber.substring(accountNumber.length() - 4),
                        sealed, changedAt));
    }

    private static Event envelope(String topic, UUID key, String type, Instant occurredAt, String payload) {
        UUID eventId = UUID.randomUUID();
        return new Event(topic, key.toString(), eventId, """
                {"eventId":"%s","eventType":"%s","eventVersion":1,"occurredAt":"%s","aggregateId":"%s","payload":%s}"""
                .formatted(eventId, type, occurredAt, key, payload));
    }

    /** An event of a type nobody handles: consumers record and skip it. */
    public static Event marker(String topic) {
        return envelope(topic, UUID.randomUUID(), "SomethingSettlementIgnores", Instant.now(), "{}");
    }

    /**
     * Sends a marker to every partition of the topics and returns them: once all are processed, everything
     * sent to those topics before them has been consumed too (a partition is consumed in order).
     */
    public static List<Event> sendMarkers(String brokers, int partitions, String... topics) {
        List<Event> markers = new java.util.ArrayList<>();
        try (Producer<String, byte[]> producer = producer(brokers)) {
            for (String topic : topics) {
                for (int p = 0; p < partitions; p++) {
                    Event marker = marker(topic);
                    markers.add(marker);
                    producer.send(new ProducerRecord<>(topic, p, marker.key(), marker.json().getBytes(StandardCharsets.UTF_8)));
                }
            }
            producer.flush();
        }
        return markers;
    }

    private static Producer<String, byte[]> producer(String brokers) {
        return new DefaultKafkaProducerFactory<String, byte[]>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)).createProducer();
    }

    /** Sends the events; order-service recorded the order events among them before it published them. */
    public static void send(String brokers, List<Event> events) {
        events.forEach(OrderServiceBook.get()::record);
        try (Producer<String, byte[]> producer = producer(brokers)) {
            for (Event event : events) {
                producer.send(new ProducerRecord<>(event.topic(), event.key(), event.json().getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }
}
