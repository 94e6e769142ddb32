package io.fupin.household;

import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running service as the gateway would, and reads or writes its topics, for integration tests. */
public class Api {

    public static final Caller OFFICIAL = Caller.of("official-1", null, "OFFICIAL");
    public static final Caller ADMIN = Caller.of("admin-1", null, "ADMIN");
    public static final Caller CLERK = Caller.of("clerk-1", null, "CLERK");
    public static final Caller CONSUMER = Caller.of("consumer-1", null, "CONSUMER");
    public static final Caller ANONYMOUS = Caller.anonymous();

    private final RestClient http;
    private final SignedIdentity identity;
    private final String brokers;
    private final java.util.function.Function<UUID, UUID> owners;
    private final JsonMapper json = JsonMapper.builder().build();

    public Api(int port, SignedIdentity identity, String brokers, java.util.function.Function<UUID, UUID> owners) {
        this.http = RestClient.create("http://localhost:" + port);
        this.identity = identity;
        this.brokers = brokers;
        this.owners = owners;
    }

    /** The seller household-service has recorded for a product from catalog's events, or {@code null}. */
    public UUID productOwner(UUID productId) {
        return owners.apply(productId);
    }

    public static Caller seller(UUID sellerId) {
        return Caller.of("seller-" + sellerId, sellerId, "SELLER");
    }

    /** Status and parsed body (JSON, or the raw text in {@code text}). */
    public record Answer(int status, JsonNode body, byte[] raw) {
        public String text() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            body.path("errors").forEach(e -> fields.add((e.has("line") ? "line " + e.get("line").asInt() + " " : "")
                    + e.get("field").asString()));
            return fields;
        }
    }

    public Answer get(Caller caller, String path, Object... vars) {
        return http.get().uri(path, vars).headers(h -> h.addAll(identity.headersFor(caller)))
                .exchange((req, res) -> answer(res.getStatusCode().value(), res.getBody().readAllBytes()));
    }

    public Answer post(Caller caller, Object body, String path, Object... vars) {
        return send(caller, "POST", MediaType.APPLICATION_JSON, body, null, path, vars);
    }

    public Answer put(Caller caller, Object body, String ifMatch, String path, Object... vars) {
        return send(caller, "PUT", MediaType.APPLICATION_JSON, body, ifMatch, path, vars);
    }

    public Answer postBytes(Caller caller, MediaType type, byte[] body, String path, Object... vars) {
        return send(caller, "POST", type, body, null, path, vars);
    }

    public Answer postMultipart(Caller caller, Object multipart, String path, Object... vars) {
        return send(caller, "POST", MediaType.MULTIPART_FORM_DATA, multipart, null, path, vars);
    }

    private Answer send(Caller caller, String method, MediaType type, Object body, String ifMatch, String path,
            Object... vars) {
        return http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path, vars)
                .headers(h -> {
                    h.addAll(identity.headersFor(caller));
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(type).body(body)
                .exchange((req, res) -> answer(res.getStatusCode().value(), res.getBody().readAllBytes()));
    }

    private Answer answer(int status, byte[] raw) {
        JsonNode node;
        try {
            node = raw.length == 0 ? json.nullNode() : json.readTree(raw);
        } catch (RuntimeException e) {
            node = json.nullNode();
        }
        return new Answer(status, node, raw);
    }

    public JsonMapper json() {
        return json;
    }

    public void send(String topic, String key, String value) {
        try (var producer = new DefaultKafkaProducerFactory<String, byte[]>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)).createProducer()) {
            producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Reads a topic from the beginning until records with the key satisfy {@code done}; returns those records. */
    public List<JsonNode> awaitRecords(String topic, String key, Predicate<List<JsonNode>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonNode> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(record.key())) {
                        found.add(json.readTree(record.value()));
                    }
                }
                if (done.test(found)) {
                    return found;
                }
            }
        }
        throw new AssertionError("No matching records with key " + key + " on " + topic + " within 30 s; saw " + found);
    }
}
