package io.fupin.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.fupin.support.events.EventEnvelope;
import io.fupin.support.events.EventReader;
import io.fupin.support.events.EventTopic;
import io.fupin.support.events.EventTopics;
import io.fupin.support.id.Identifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract between a topic's producer and its consumers, as committed samples:
 * {@code docs/events/samples/<topic>/<eventType>.json}, one event of each type as the producer really emits it.
 * <ul>
 * <li>The producer's tests check every event they see it publish (an envelope whose payload's sealed interface
 * names the topic with {@code @EventTopic}) against the sample of its type: a field added,
 * renamed or removed fails until the sample is written again ({@code -Dfupin.events.write-samples=true}) and
 * committed, so that the change shows in review and reaches the consumers' tests.</li>
 * <li>Each consumer's tests read the samples into the consumer's own records: a field the consumer reads that
 * the producer no longer emits (renamed, removed) fails its build. A field the consumer marks {@code @Nullable}
 * is optional (kept for older events) and may be absent.</li>
 * </ul>
 */
public final class EventContracts {

    public static final String WRITE_SAMPLES = "fupin.events.write-samples";
    /**
     * Well below Kafka's default record limit (1 MiB: the broker's message.max.bytes, the producer's
     * max.request.size), leaving room for the key and headers.
     */
    public static final int RECORD_LIMIT_BYTES = 1_000_000;
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    /** Per run: samples read, shapes already found to match, samples written. */
    private static final Map<Path, JsonNode> COMMITTED = new ConcurrentHashMap<>();
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();
    private static final Set<Path> WRITTEN = ConcurrentHashMap.newKeySet();

    private EventContracts() {
    }

    /**
     * Import into a producer's test configuration: every event the producer publishes in any of its tests is
     * checked against (or, with {@code -Dfupin.events.write-samples=true}, written as) the committed sample of
     * its type, before it reaches the outbox. A mismatch fails the use case that published it.
     */
    public static class EmittedEvents {

        private final JsonMapper json;

        public EmittedEvents(ObjectProvider<JsonMapper> json) {
            this.json = json.getIfUnique(JsonMapper::new);
        }

        @EventListener
        public void on(Object event) {
            topicOf(event).ifPresent(topic -> assertMatchesSample(topic, event, json));
        }
    }

    /**
     * The event as its producer writes it to the topic stays under {@link #RECORD_LIMIT_BYTES}; answers its size.
     */
    public static int assertUnderRecordLimit(Object event, JsonMapper json) {
        byte[] written = json.writeValueAsBytes(event);
        assertThat(written.length).as("%s in bytes", json.readTree(written).path("eventType").asString())
                .isLessThan(RECORD_LIMIT_BYTES);
        return written.length;
    }

    /** The topic an envelope goes to (its payload's {@code @EventTopic}); empty for an event the service keeps. */
    static Optional<String> topicOf(Object event) {
        return EventTopics.ofEvent(event);
    }

    /**
     * docs/events.md matches a producer's sealed interface of a topic's events: the topic is in its table of
     * topics and has a section of its own that names every event type.
     */
    public static void assertDocumented(Class<?> events) {
        EventTopic topic = events.getAnnotation(EventTopic.class);
        assertThat(topic).as("%s names its topic with @EventTopic", events.getName()).isNotNull();
        String section = section(topic.value());
        for (Class<?> type : events.getPermittedSubclasses()) {
            assertThat(section).as("docs/events.md's section of %s", topic.value())
                    .contains("`" + type.getSimpleName() + "`");
        }
    }

    /** docs/events.md's table of topics names the consumer group reading the topic. */
    public static void assertDocumentedConsumer(String topic, String group) {
        assertThat(topicRow(topic)).as("docs/events.md's row of %s", topic).contains("`" + group + "`");
    }

    private static String topicRow(String topic) {
        return docs().lines().filter(line -> line.startsWith("| `" + topic + "` |")).findFirst()
                .orElseThrow(() -> new AssertionError("docs/events.md's table of topics has no row of " + topic));
    }

    private static String section(String topic) {
        topicRow(topic);
        String doc = docs();
        String heading = "\n## `" + topic + "`";
        int start = doc.indexOf(heading);
        if (start < 0) {
            throw new AssertionError("docs/events.md has no section " + heading.strip());
        }
        int end = doc.indexOf("\n## ", start + heading.length());
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    private static String docs() {
        try {
            return Files.readString(docsDirectory().resolve("events.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a topic's samples are committed. */
    public static Path samples(String topic) {
        return docsDirectory().resolve("events/samples").resolve(topic);
    }

    private static Path docsDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/events.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No docs/events.md above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs");
    }

    /**
     * Producer side: the event, as the producer's JSON mapper writes it to the topic, has the shape of the
     * committed sample of its type (the same fields at the same places); with {@code -Dfupin.events.write-samples=true}
     * it becomes the sample.
     */
    public static void assertMatchesSample(String topic, Object event, JsonMapper json) {
        JsonNode emitted = json.readTree(json.writeValueAsBytes(event));
        String eventType = emitted.path("eventType").asString();
        Path sample = samples(topic).resolve(eventType + ".json");
        if (Boolean.getBoolean(WRITE_SAMPLES)) {
            // The first event of each type seen in the run becomes its sample.
            if (WRITTEN.add(sample)) {
                try {
                    Files.createDirectories(sample.getParent());
                    Files.writeString(sample, PRETTY.writeValueAsString(emitted) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return;
        }
        compareWithSample(topic, eventType, emitted, sample);
    }

    /** Fails naming the fields gone and new unless the emitted event has the committed sample's shape. */
    static void compareWithSample(String topic, String eventType, JsonNode emitted, Path sample) {
        TreeSet<String> emittedPaths = paths(emitted);
        if (CHECKED.contains(sample + " " + emittedPaths)) {
            return;
        }
        String regenerate = "; if the change is meant, write the samples again with -D" + WRITE_SAMPLES
                + "=true, commit them and run the consumers' tests";
        if (!Files.isRegularFile(sample)) {
            fail("No committed sample of " + eventType + " on " + topic + " (" + sample + ")" + regenerate);
        }
        JsonNode committed = COMMITTED.computeIfAbsent(sample, EventContracts::read);
        TreeSet<String> missing = new TreeSet<>(paths(committed));
        missing.removeAll(emittedPaths);
        missing.removeIf(path -> underNull(path, emitted));
        TreeSet<String> added = new TreeSet<>(emittedPaths);
        added.removeAll(paths(committed));
        added.removeIf(path -> underNull(path, committed));
        if (!missing.isEmpty() || !added.isEmpty()) {
            fail(eventType + " on " + topic + " no longer matches " + sample + ": fields gone " + missing
                    + ", fields new " + added + regenerate);
        }
        CHECKED.add(sample + " " + emittedPaths);
    }

    /**
     * Consumer side: reads the committed sample of every event type the consumer declares (each record permitted
     * by {@code events}) into the consumer's record, and checks every field the record reads is in the sample.
     * Answers the samples as the consumer reads them, to be applied.
     */
    public static <E> List<EventEnvelope<E>> readSamples(String topic, Class<E> events, JsonMapper json) {
        EventReader<E> reader = EventReader.of(json, events);
        List<EventEnvelope<E>> read = new ArrayList<>();
        for (Class<?> type : events.getPermittedSubclasses()) {
            Path sample = samples(topic).resolve(type.getSimpleName() + ".json");
            assertThat(sample).as("the producer's sample of %s on %s, which %s reads", type.getSimpleName(), topic,
                    events.getName()).isRegularFile();
            JsonNode committed = read(sample);
            List<String> absent = new ArrayList<>();
            fieldsOf(type, committed.get("payload"), "payload", absent);
            assertThat(absent).as("fields %s reads from %s that the producer's sample %s does not have (renamed or "
                    + "removed by the producer?)", type.getName(), topic, sample).isEmpty();
            try {
                read.add(reader.read(Files.readAllBytes(sample)).orElseThrow());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read;
    }

    /**
     * Consumer side, to apply through the consumer's listener: the committed sample of every event type the
     * consumer declares, checked as {@link #readSamples} checks it, as the record the listener receives. Every id
     * in the topic's samples (the event's, the aggregate's, any other UUID) is replaced by a fresh one, the same
     * wherever it recurs, so that the samples of one aggregate stay one aggregate and a run applies them anew on a
     * database earlier runs used.
     */
    public static <E> Map<String, Sample<E>> samplesToApply(String topic, Class<E> events, JsonMapper json) {
        readSamples(topic, events, json);
        EventReader<E> reader = EventReader.of(json, events);
        Map<String, String> fresh = new HashMap<>();
        Map<String, Sample<E>> samples = new LinkedHashMap<>();
        for (Class<?> type : events.getPermittedSubclasses()) {
            String committed;
            try {
                committed = Files.readString(samples(topic).resolve(type.getSimpleName() + ".json"),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            samples.put(type.getSimpleName(), new Sample<>(topic, reader, committed, renew(committed, fresh)));
        }
        return samples;
    }

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static String renew(String value, Map<String, String> fresh) {
        return UUID_TEXT.matcher(value).replaceAll(id -> fresh.computeIfAbsent(id.group(),
                any -> UUID.randomUUID().toString()));
    }

    /**
     * A producer's committed sample as a consumer receives it, with fresh ids (see {@link #samplesToApply}).
     *
     * @param <E> the consumer's sealed interface of the topic's events
     */
    public static final class Sample<E> {

        private final String topic;
        private final EventReader<E> reader;
        private final String committed;
        private final String value;
        private final EventEnvelope<E> event;

        Sample(String topic, EventReader<E> reader, String committed, String value) {
            this.topic = topic;
            this.reader = reader;
            this.committed = committed;
            this.value = value;
            this.event = reader.read(value.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        }

        /** The event as the consumer reads it. */
        public EventEnvelope<E> event() {
            return event;
        }

        /** The payload as the consumer reads it. */
        @SuppressWarnings("unchecked")
        public <P extends E> P payload() {
            return (P) event.payload();
        }

        /** The same sample with an id of it (wherever it occurs) replaced by another: an aggregate the test set up. */
        public Sample<E> with(Object id, Object replacement) {
            return new Sample<>(topic, reader, committed, value.replace(id.toString(), replacement.toString()));
        }

        /**
         * The sample with the ids it was committed with but a fresh event id: for a value bound to its ids (a payout
         * account sealed for its household), applied again as the same aggregate.
         */
        public Sample<E> withCommittedIds() {
            String eventId = reader.read(committed.getBytes(StandardCharsets.UTF_8)).orElseThrow().eventId().toString();
            return new Sample<>(topic, reader, committed, committed.replace(eventId, UUID.randomUUID().toString()));
        }

        /** The same sample as another event (a fresh event id), with every other id kept. */
        public Sample<E> again() {
            return with(event.eventId(), UUID.randomUUID());
        }

        /** The sample as a Kafka record of its topic, keyed by its aggregate, as the consumer's listener gets it. */
        public ConsumerRecord<String, byte[]> record() {
            return new ConsumerRecord<>(topic, 0, 0, event.aggregateId(), value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return event.eventType() + " " + event.eventId() + " of " + event.aggregateId();
        }
    }

    private static void fieldsOf(Class<?> type, JsonNode node, String path, List<String> absent) {
        // A typed id is a record read from the plain UUID string: a field of its own, nothing inside it to look for.
        if (!type.isRecord() || Identifier.class.isAssignableFrom(type) || node == null || node.isNull()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            // @JsonUnwrapped does not target record components: it sits on the accessor (and field) Java derives.
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
                fieldsOf(component.getType(), node, path, absent);
                continue;
            }
            String at = path + "." + component.getName();
            if (!node.has(component.getName())) {
                if (!optional(component)) {
                    absent.add(at);
                }
                continue;
            }
            JsonNode value = node.get(component.getName());
            Class<?> element = elementOf(component);
            if (element != null && value.isArray()) {
                for (JsonNode item : value) {
                    fieldsOf(element, item, at + "[]", absent);
                }
            } else {
                fieldsOf(component.getType(), value, at, absent);
            }
        }
    }

    /** A field the consumer marks {@code @Nullable} (JSpecify's or Spring's): one older events carry, newer may not. */
    private static boolean optional(RecordComponent component) {
        return Arrays.stream(component.getAnnotatedType().getAnnotations())
                .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"))
                || Arrays.stream(component.getAnnotations())
                        .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
    }

    private static Class<?> elementOf(RecordComponent component) {
        if (!Collection.class.isAssignableFrom(component.getType())
                || !(component.getGenericType() instanceof ParameterizedType generic)) {
            return null;
        }
        Type argument = generic.getActualTypeArguments()[0];
        return argument instanceof Class<?> c ? c : null;
    }

    private static JsonNode read(Path sample) {
        try {
            return PRETTY.readTree(Files.readString(sample, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every field's path: {@code payload.lines[].productId}. */
    static TreeSet<String> paths(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, TreeSet<String> paths) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                paths.add(at);
                collect(field.getValue(), at, paths);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collect(item, path + "[]", paths);
            }
        }
    }

    /** Whether the path lies under a value that is null (or an empty list) in the node, so its fields are unknown. */
    private static boolean underNull(String path, JsonNode root) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            boolean list = step.endsWith("[]");
            node = node.get(list ? step.substring(0, step.length() - 2) : step);
            if (node == null) {
                return false;
            }
            if (node.isNull()) {
                return true;
            }
            if (list) {
                if (node.isEmpty()) {
                    return true;
                }
                node = node.get(0);
            }
        }
        return false;
    }
}
