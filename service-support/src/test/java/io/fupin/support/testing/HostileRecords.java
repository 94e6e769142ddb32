package io.fupin.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile records for a consumer's topic (OWASP API10, unsafe consumption: another service's record is input
 * like any other), made from the producer's committed samples ({@link EventContracts#samples}):
 * <ul>
 * <li>{@link Expect#POISON}: records that can never be read (not JSON, invalid UTF-8, not an envelope, no or a
 * wrong type of {@code eventType}, no payload, every payload field of the wrong type, JSON nested 5,000 deep). Each must go to {@code <topic>-dlt} and write nothing.</li>
 * <li>{@link Expect#SKIPPED}: an event type the consumer does not know, and every record of a type it does not
 * read. Skipped (producers may add types), never dead-lettered.</li>
 * <li>{@link Expect#READ_OR_POISON}: records that read but carry hostile values: SQL, script and template
 * fragments, path traversal, NUL and bidi characters in every text field, every text field of 20,000 characters,
 * numbers at the limits of int and long, negative, and past a long, unknown fields. Each is either applied as data or
 * dead-lettered; none may hold its partition up (the test sends a valid event after them, on the same partition,
 * and waits for it), and nothing the service answers afterwards may be a 5xx.</li>
 * </ul>
 * Every record gets fresh ids (each UUID of the sample replaced, consistently within the record), so that no
 * two hostile records are the same order, product or household, and a readable one is a new event.
 */
public final class HostileRecords {

    public enum Expect { POISON, SKIPPED, READ_OR_POISON }

    /** {@code id}: the record's key, and its {@code eventId} where it has one. */
    public record Hostile(String topic, String what, String id, byte[] value, Expect expect) {
        @Override
        public String toString() {
            return topic + " " + what + " (" + expect + ", " + id + ")";
        }
    }

    static final List<String> HOSTILE_TEXT = List.of("' OR '1'='1", "1; DROP TABLE journal_entry; --",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "../../../../etc/passwd",
            "=cmd|' /C calc'!A0", "a\u0000b", "\u202Eevil\uFEFF", "");
    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> ENVELOPE = Set.of("eventId", "eventType", "eventVersion", "sequence",
            "occurredAt", "aggregateId");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HostileRecords() {
    }

    /**
     * The hostile records for one topic, from each of its committed samples.
     *
     * @param events the consumer's sealed interface of the topic's events: a hostile payload of a type it does not
     *               read is skipped, not dead-lettered, since the type alone decides that
     */
    public static List<Hostile> of(String topic, Class<?> events) {
        Set<String> read = new HashSet<>();
        for (Class<?> type : events.getPermittedSubclasses()) {
            read.add(type.getSimpleName());
        }
        List<Hostile> records = new ArrayList<>();
        List<Path> samples;
        try (Stream<Path> files = Files.list(EventContracts.samples(topic))) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("No samples of " + topic);
        }
        // The envelope alone is the same for every sample: poison made from the first one only.
        String first = read(samples.getFirst());
        poison(topic, "not JSON", "{not json".getBytes(StandardCharsets.UTF_8), records);
        poison(topic, "invalid UTF-8 in a string", invalidUtf8(first), records);
        poison(topic, "a JSON array, not an envelope", "[1,2,3]".getBytes(StandardCharsets.UTF_8), records);
        poison(topic, "JSON null", "null".getBytes(StandardCharsets.UTF_8), records);
        poison(topic, "JSON nested 5,000 deep", ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":"
                + "[".repeat(5_000) + "]".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8), records);
        ObjectNode noType = fresh(first);
        noType.remove("eventType");
        records.add(record(topic, "no eventType", noType, Expect.POISON));
        ObjectNode numberType = fresh(first);
        numberType.put("eventType", 42);
        records.add(record(topic, "eventType a number", numberType, Expect.POISON));
        ObjectNode unknown = fresh(first);
        unknown.put("eventType", "SomethingNobodyReads");
        records.add(record(topic, "an event type nobody reads", unknown, Expect.SKIPPED));
        for (Path sample : samples) {
            String text = read(sample);
            String type = JSON.readTree(text).path("eventType").asString();
            Expect poison = read.contains(type) ? Expect.POISON : Expect.SKIPPED;
            Expect readable = read.contains(type) ? Expect.READ_OR_POISON : Expect.SKIPPED;
            ObjectNode noPayload = fresh(text);
            noPayload.remove("payload");
            records.add(record(topic, type + " without payload", noPayload, poison));
            ObjectNode wrongTypes = fresh(text);
            if (wrongTypes.get("payload") instanceof ObjectNode payload && !payload.isEmpty()) {
                payload.propertyNames().forEach(name -> payload.putObject(name).put("$ne", 1));
                records.add(record(topic, type + " with every payload field an object", wrongTypes, poison));
            }
            ObjectNode huge = fresh(text);
            if (eachLeaf(huge.get("payload"), JsonNode::isNumber, n -> NODES.numberNode(new java.math.BigInteger("9".repeat(40))))) {
                // Poison when the consumer reads a number of the payload; a consumer that reads none ignores them.
                records.add(record(topic, type + " with every number past a long", huge, readable));
            }
            ObjectNode injected = fresh(text);
            int[] n = {0};
            if (eachLeaf(injected.get("payload"), HostileRecords::isFreeText,
                    v -> NODES.stringNode(HOSTILE_TEXT.get(n[0]++ % HOSTILE_TEXT.size())))) {
                records.add(record(topic, type + " with SQL, script and template fragments in its text", injected,
                        readable));
            }
            ObjectNode longText = fresh(text);
            // Far longer than any column, and the whole record still within Kafka's 1 MB.
            if (eachLeaf(longText.get("payload"), HostileRecords::isFreeText, v -> NODES.stringNode("界".repeat(20_000 / 8)
                    + "x".repeat(20_000 - 20_000 / 8)))) {
                records.add(record(topic, type + " with every text of 20,000 characters", longText, readable));
            }
            ObjectNode limits = fresh(text);
            int[] m = {0};
            if (eachLeaf(limits.get("payload"), JsonNode::isIntegralNumber, v -> NODES.numberNode(switch (m[0]++ % 3) {
                case 0 -> (long) Integer.MAX_VALUE;
                case 1 -> Long.MAX_VALUE;
                default -> -1L;
            }))) {
                records.add(record(topic, type + " with numbers at the limits of int and long, and negative",
                        limits, readable));
            }
            ObjectNode extra = fresh(text);
            extra.put("status", "PAID").put("admin", true);
            if (extra.get("payload") instanceof ObjectNode payload) {
                payload.put("totalFen", 1).put("role", "ADMIN").putObject("nested").put("deep", "x");
            }
            records.add(record(topic, type + " with unknown and conflicting fields", extra, readable));
        }
        return records;
    }

    /**
     * The whole check against a running consumer, for every topic it reads: the poison records are all
     * dead-lettered and no table changes meanwhile (every table's checksum but the quiet ones); then the readable
     * ones, followed on the same partition by a valid event per topic: each valid event is applied (its id in
     * {@code processed_event}), each skipped record is recorded there and not dead-lettered, each readable one is
     * either applied or dead-lettered.
     *
     * @param topics     each topic the consumer reads, with the name of its sealed interface of the events it reads
     * @param validTypes per topic, the type of the valid event sent last
     */
    public static void assertConsumerSurvives(String brokers, DataSource database, Set<String> quietTables,
            Map<String, String> topics, Map<String, String> validTypes) {
        List<Hostile> hostile = new ArrayList<>();
        for (Map.Entry<String, String> topic : topics.entrySet()) {
            try {
                hostile.addAll(of(topic.getKey(), Class.forName(topic.getValue())));
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(topic.getValue(), e);
            }
        }
        List<Hostile> poison = hostile.stream().filter(h -> h.expect() == Expect.POISON).toList();
        assertThat(poison).hasSizeGreaterThanOrEqualTo(10 * topics.size());

        Map<String, String> before = ApiFuzzer.checksums(database, quietTables);
        send(brokers, poison);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(notIn(poison, deadLettered(brokers, topics.keySet()))).as("poison not dead-lettered").isEmpty());
        assertThat(ApiFuzzer.checksums(database, quietTables)).as("tables after the poison records").isEqualTo(before);

        List<Hostile> rest = new ArrayList<>(hostile.stream().filter(h -> h.expect() != Expect.POISON).toList());
        List<Hostile> valid = new ArrayList<>();
        validTypes.forEach((topic, type) -> valid.add(valid(topic, type)));
        rest.addAll(valid);
        send(brokers, rest);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(valid.stream().filter(v -> !processed(database, v)).map(Hostile::toString).toList())
                        .as("valid events held up behind hostile ones").isEmpty());
        Map<String, Set<String>> dead = deadLettered(brokers, topics.keySet());
        List<String> misread = new ArrayList<>();
        for (Hostile record : rest) {
            boolean deadLettered = dead.get(record.topic()).contains(record.id());
            if (record.expect() == Expect.SKIPPED && (deadLettered || !processed(database, record))) {
                misread.add(record + ": " + (deadLettered ? "dead-lettered" : "not seen"));
            } else if (!deadLettered && !processed(database, record)) {
                misread.add(record + ": neither applied nor dead-lettered");
            }
        }
        assertThat(misread).isEmpty();
    }

    private static Map<String, Set<String>> deadLettered(String brokers, Set<String> topics) {
        Map<String, Set<String>> dead = new HashMap<>();
        topics.forEach(topic -> dead.put(topic, deadLettered(brokers, topic)));
        return dead;
    }

    private static List<String> notIn(List<Hostile> records, Map<String, Set<String>> dead) {
        return records.stream().filter(r -> !dead.get(r.topic()).contains(r.id())).map(Hostile::toString).toList();
    }

    private static boolean processed(DataSource database, Hostile record) {
        if (record.id().startsWith("hostile-")) {
            return false;
        }
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM processed_event WHERE event_id = ?")) {
            query.setString(1, record.id());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid event of the sample's type with fresh ids: sent after the hostile ones, it must be applied. */
    public static Hostile valid(String topic, String eventType) {
        String text = read(EventContracts.samples(topic).resolve(eventType + ".json"));
        ObjectNode event = fresh(text);
        withoutSealedValues(event);
        return record(topic, "a valid " + eventType, event, Expect.READ_OR_POISON);
    }

    /**
     * A sealed value (a payout account) is bound to its record's id and the producer's key: with fresh ids it
     * cannot open, so the valid event carries none (the object holding it is null, as for a household without one).
     */
    private static void withoutSealedValues(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode child = object.get(name);
                if (child instanceof ObjectNode inner && inner.propertyNames().stream().anyMatch(n -> n.endsWith("Sealed"))) {
                    object.putNull(name);
                } else {
                    withoutSealedValues(child);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(HostileRecords::withoutSealedValues);
        }
    }

    /** Sends the records in order, all to partition 0 of their topic: a later one is read only once the earlier are done. */
    public static void send(String brokers, List<Hostile> records) {
        try (Producer<String, byte[]> producer = new DefaultKafkaProducerFactory<String, byte[]>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000)).createProducer()) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (Hostile record : records) {
                sent.add(producer.send(new ProducerRecord<>(record.topic(), 0, record.id(), record.value())));
            }
            producer.flush();
            for (int i = 0; i < sent.size(); i++) {
                try {
                    sent.get(i).get();
                } catch (Exception e) {
                    throw new IllegalStateException("The broker did not take " + records.get(i), e);
                }
            }
        }
    }

    /** The keys in {@code <topic>-dlt}. */
    public static Set<String> deadLettered(String brokers, String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "hostile-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(topic + "-dlt"));
            Set<String> keys = new HashSet<>();
            for (ConsumerRecord<String, byte[]> record : KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(3))) {
                keys.add(record.key());
            }
            return keys;
        }
    }

    // ---- making records

    private static void poison(String topic, String what, byte[] value, List<Hostile> records) {
        records.add(new Hostile(topic, what, "hostile-" + UUID.randomUUID(), value, Expect.POISON));
    }

    private static Hostile record(String topic, String what, ObjectNode envelope, Expect expect) {
        JsonNode id = envelope.get("eventId");
        String key = id != null && id.isString() ? id.asString() : "hostile-" + UUID.randomUUID();
        return new Hostile(topic, what, key, JSON.writeValueAsBytes(envelope), expect);
    }

    /** The sample with each of its UUIDs replaced by a fresh one (the same one wherever it recurs). */
    private static ObjectNode fresh(String sample) {
        Map<String, String> replaced = new HashMap<>();
        Matcher matcher = UUID_PATTERN.matcher(sample);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(text, replaced.computeIfAbsent(matcher.group(), u -> UUID.randomUUID().toString()));
        }
        matcher.appendTail(text);
        return (ObjectNode) JSON.readTree(text.toString());
    }

    /** Text that is neither an id, a date or time, a code in capitals (an enum) nor a number written as text. */
    private static boolean isFreeText(JsonNode node) {
        if (!node.isString()) {
            return false;
        }
        String value = node.asString();
        return !UUID_PATTERN.matcher(value).find() && !value.matches("[A-Z0-9_]+") && !value.matches("\\d{4}-\\d{2}-\\d{2}.*");
    }

    /** Replaces each leaf of the tree that matches; true when any did. */
    private static boolean eachLeaf(JsonNode node, java.util.function.Predicate<JsonNode> which,
            java.util.function.UnaryOperator<JsonNode> replacement) {
        boolean any = false;
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode child = object.get(name);
                if (child.isContainer()) {
                    any |= eachLeaf(child, which, replacement);
                } else if (!ENVELOPE.contains(name) && which.test(child)) {
                    object.set(name, replacement.apply(child));
                    any = true;
                }
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode child = node.get(i);
                if (child.isContainer()) {
                    any |= eachLeaf(child, which, replacement);
                } else if (which.test(child)) {
                    ((tools.jackson.databind.node.ArrayNode) node).set(i, replacement.apply(child));
                    any = true;
                }
            }
        }
        return any;
    }

    private static byte[] invalidUtf8(String sample) {
        byte[] text = JSON.writeValueAsBytes(fresh(sample).put("eventType", "@@"));
        String latin = new String(text, StandardCharsets.ISO_8859_1);
        int at = latin.indexOf("@@");
        text[at] = (byte) 0xC3;
        text[at + 1] = (byte) 0x28;
        return text;
    }

    private static String read(Path sample) {
        try {
            return Files.readString(sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
