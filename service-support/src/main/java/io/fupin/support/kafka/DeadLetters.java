package io.fupin.support.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The dead letters of the topics this service consumes: the records that could not be read, each on
 * {@code <topic>-dlt}. Lists them, counts the outstanding ones (not replayed yet) and replays them: each goes
 * back to its original topic, key and value unchanged, and the consumer group {@code <application>-dead-letters}
 * remembers how far replay got. Replaying is safe twice: consumers skip an event id they have applied.
 */
public class DeadLetters {

    public static final String SUFFIX = "-dlt";
    private static final Duration READ_LIMIT = Duration.ofSeconds(15);

    private final Map<String, Object> kafka;
    private final String replayGroup;
    private final KafkaOperations<Object, Object> template;
    private final Supplier<Collection<String>> consumedTopics;

    /**
     * @param kafka          client settings (bootstrap servers ...) of the service's Kafka admin
     * @param replayGroup    the consumer group that records which dead letters were replayed
     * @param consumedTopics the topics the service's listeners consume
     */
    public DeadLetters(Map<String, Object> kafka, String replayGroup, KafkaOperations<Object, Object> template,
            Supplier<Collection<String>> consumedTopics) {
        this.kafka = Map.copyOf(kafka);
        this.replayGroup = replayGroup;
        this.template = template;
        this.consumedTopics = consumedTopics;
    }

    /** A dead letter as an administrator sees it (no value: events may carry account numbers). */
    public record DeadLetter(String topic, int partition, long offset, String key, Instant timestamp,
            String originalTopic, String exception, int sizeBytes, boolean outstanding) {
    }

    /** The dead-letter topics of the topics this service consumes. */
    public List<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String topic : consumedTopics.get()) {
            if (!topic.endsWith(SUFFIX)) {
                topics.add(topic + SUFFIX);
            }
        }
        return List.copyOf(topics);
    }

    /** The latest {@code limit} dead letters of each partition, oldest first. */
    public List<DeadLetter> list(int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        if (topics().isEmpty()) {
            return letters;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Map<TopicPartition, Long> replayedUpTo = replayedUpTo(consumer);
            Map<TopicPartition, Long> ends = consumer.endOffsets(replayedUpTo.keySet());
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(replayedUpTo.keySet());
            Map<TopicPartition, Long> from = new HashMap<>();
            starts.forEach((tp, start) -> from.put(tp, Math.max(start, ends.get(tp) - limit)));
            read(consumer, from, ends, record -> letters.add(letter(record,
                    record.offset() >= replayedUpTo.get(new TopicPartition(record.topic(), record.partition())))));
        }
        letters.sort(Comparator.comparing(DeadLetter::topic).thenComparing(DeadLetter::partition)
                .thenComparing(DeadLetter::offset));
        return letters;
    }

    /** Per dead-letter topic, how many of its records have not been replayed. */
    public Map<String, Long> outstanding() {
        Map<String, Long> outstanding = new LinkedHashMap<>();
        topics().forEach(topic -> outstanding.put(topic, 0L));
        if (outstanding.isEmpty()) {
            return outstanding;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Map<TopicPartition, Long> replayedUpTo = replayedUpTo(consumer);
            consumer.endOffsets(replayedUpTo.keySet()).forEach((tp, end) ->
                    outstanding.merge(tp.topic(), Math.max(0, end - replayedUpTo.get(tp)), Long::sum));
        }
        return outstanding;
    }

    /** Sends every outstanding dead letter back to its original topic; answers how many. */
    public long replay() {
        long replayed = 0;
        if (topics().isEmpty()) {
            return replayed;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Map<TopicPartition, Long> from = replayedUpTo(consumer);
            Map<TopicPartition, Long> ends = consumer.endOffsets(from.keySet());
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            read(consumer, from, ends, records::add);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                try {
                    template.send(new ProducerRecord<>(originalTopic(record), key, record.value()))
                            .get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("Could not replay " + record.topic() + "/" + record.partition()
                            + "@" + record.offset() + ": " + e.getMessage(), e);
                }
                consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
                replayed++;
            }
        }
        return replayed;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, replayGroup);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Per partition of the existing dead-letter topics, the first offset not replayed yet. */
    private Map<TopicPartition, Long> replayedUpTo(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics()) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> upTo = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata done = committed.get(tp);
            upTo.put(tp, Math.max(starts.get(tp), done == null ? 0 : done.offset()));
        }
        return upTo;
    }

    private static void read(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> ends, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        List<TopicPartition> pending = new ArrayList<>(from.keySet().stream()
                .filter(tp -> from.get(tp) < ends.get(tp)).toList());
        if (pending.isEmpty()) {
            return;
        }
        consumer.assign(pending);
        pending.forEach(tp -> consumer.seek(tp, from.get(tp)));
        Instant deadline = Instant.now().plus(READ_LIMIT);
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < ends.get(tp)) {
                    sink.accept(record);
                }
            }
            pending.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
            if (!pending.isEmpty()) {
                consumer.pause(consumer.assignment().stream().filter(tp -> !pending.contains(tp)).toList());
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("Could not read the dead letters of " + pending + " in " + READ_LIMIT);
        }
    }

    private static DeadLetter letter(ConsumerRecord<byte[], byte[]> record, boolean outstanding) {
        String exception = header(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
        String message = header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        String described = exception == null ? null : message == null ? exception : exception + ": " + message;
        if (described != null && described.length() > 500) {
            described = described.substring(0, 500) + "…";
        }
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                Instant.ofEpochMilli(record.timestamp()), originalTopic(record), described,
                record.value() == null ? 0 : record.value().length, outstanding);
    }

    private static String originalTopic(ConsumerRecord<byte[], byte[]> record) {
        String original = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (original != null) {
            return original;
        }
        return record.topic().substring(0, record.topic().length() - SUFFIX.length());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
