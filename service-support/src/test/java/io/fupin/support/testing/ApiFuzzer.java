package io.fupin.support.testing;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends hostile requests to every operation of a running service's published OpenAPI document and judges
 * each answer. The cases, drawn from a seed: a well-formed call, wrong types, missing and extra fields (a
 * price, a status, a seller, a buyer the caller may not set), huge strings and arrays, deep JSON, invalid
 * UTF-8, numbers at and past their limits, SQL and script fragments, path traversal and junk in path and query
 * values, malformed bodies and wrong media types, each as a caller drawn from every role and none.
 *
 * <p>What counts as a finding: any 5xx; a 4xx that is not {@code application/problem+json}; a refused request
 * that changed the service's database (every table's {@code CHECKSUM TABLE} before and after, confirmed by
 * sending the same request again, so that a background job's write is not blamed on it); an accepted request
 * that echoes a value only the injected extra fields carried (mass assignment).
 *
 * <p>{@code -Dfuzz.cases=N} sets the cases per operation (default {@value #DEFAULT_CASES}), {@code -Dfuzz.seed}
 * the seed. Each run writes {@code target/fuzz/<service>.md} and {@code .properties} for {@code docs/proof/fuzz}.
 */
public final class ApiFuzzer {

    public static final int DEFAULT_CASES = 24;
    public static final long DEFAULT_SEED = 19;

    /** Values that a field the caller may not set would carry; an accepted answer echoing one is a finding. */
    static final String INJECTED_TEXT = "FUZZ-INJECTED";
    static final long INJECTED_NUMBER = 987_654_321L;
    static final UUID INJECTED_ID = UUID.fromString("00000000-f022-4000-8000-00000000f022");
    static final List<String> MASS_ASSIGNMENT = List.of("id", "status", "state", "priceFen", "unitPriceFen",
            "costFen", "totalFen", "amountFen", "sellerId", "buyerId", "userId", "ownerId", "createdBy", "approvedBy",
            "certified", "version", "paidAt", "role", "roles");

    static final List<String> HOSTILE_TEXT = List.of("' OR '1'='1", "1; DROP TABLE orders; --", "\" OR 1=1 --",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "#{7*7}", "\u0000", "%00",
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "=cmd|' /C calc'!A0", "\uD83D\uDE00\u202E\uFEFF",
            "NaN", "-0", "  ", "");
    static final List<String> HOSTILE_IDS = List.of("..", "..%2F..%2Factuator%2Fenv", "%2e%2e%2f%2e%2e%2f",
            "1%20OR%201%3D1", "%27%3B--", "%00", "not-a-uuid", "00000000-0000-0000-0000-000000000000",
            "-1", "9223372036854775808", "%3Cscript%3E", "x".repeat(5_000), "%C3%28", "%FF%FE", "null", "%20");
    static final List<String> HOSTILE_NUMBERS = List.of("0", "-1", "1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "1e400", "-1e400", "1.5", "0.1", "1e2", "99999999999999999999999999999999");

    public enum Kind { VALID, WRONG_TYPE, MISSING_FIELD, EXTRA_FIELDS, HUGE_STRING, HUGE_ARRAY, DEEP_JSON, INVALID_UTF8,
        NUMBER_LIMITS, INJECTION_TEXT, HOSTILE_PATH, HOSTILE_QUERY, MALFORMED_BODY, WRONG_MEDIA_TYPE }

    /**
     * @param service   the service's name, for the report
     * @param baseUrl   where it listens, e.g. {@code http://127.0.0.1:8081}
     * @param credentials the headers that make a request a caller's: signed as the gateway signs for a service
     *                  called on its own port, a bearer token for the gateway
     * @param callers   whom to call as (an anonymous caller is added)
     * @param values    real values for path and query parameters by name ({@code productId} ...), so that the
     *                  cases reach past "not found"
     * @param database  the service's database, checksummed around each refused request
     * @param quietTables tables that change on their own (the outbox, consumers' bookkeeping): left out of the checksum
     */
    public record Target(String service, String baseUrl, Credentials credentials, List<Caller> callers,
            Map<String, String> values, DataSource database, Set<String> quietTables) {

        /** A service called on its own port, each caller signed as the gateway signs it. */
        public Target(String service, String baseUrl, IdentitySignature signature, List<Caller> callers,
                Map<String, String> values, DataSource database, Set<String> quietTables) {
            this(service, baseUrl, (Credentials) signature::headersFor, callers, values, database, quietTables);
        }
    }

    /** The headers that make a request the caller's (none for the anonymous caller, as a rule). */
    @FunctionalInterface
    public interface Credentials {
        Map<String, String> headersFor(Caller caller);
    }

    public record Finding(String operation, Kind kind, String caller, int status, String what, String request) {
        @Override
        public String toString() {
            return operation + " [" + kind + ", as " + caller + "] " + status + ": " + what + "\n    " + request;
        }
    }

    public record Report(String service, int operations, int requests, Map<String, Integer> byClass,
            Map<Integer, Integer> byStatus, Map<Kind, Integer> byKind, List<Finding> findings, long seed, int cases,
            Duration took) {
    }

    private record Operation(String method, String path, JsonNode operation) {
        String name() {
            return method.toUpperCase() + " " + path;
        }
    }

    private record Call(String method, String path, Map<String, String> headers, byte[] body, String description) {
    }

    private record Answer(int status, String contentType, String body) {
    }

    private final Target target;
    private final JsonNode document;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private ApiFuzzer(Target target, JsonNode document) {
        this.target = target;
        this.document = document;
    }

    public static ApiFuzzer of(Target target, OpenApiDocument document) {
        return new ApiFuzzer(target, document.json());
    }

    /** For a document read elsewhere (the gateway serves each service's). */
    public static ApiFuzzer of(Target target, JsonNode document) {
        return new ApiFuzzer(target, document);
    }

    public static int cases() {
        return Integer.getInteger("fuzz.cases", DEFAULT_CASES);
    }

    public static long seed() {
        return Long.getLong("fuzz.seed", DEFAULT_SEED);
    }

    /** Runs {@link #cases()} cases per operation from {@link #seed()}, writes the report and returns it. */
    public Report run() {
        return run(seed(), cases());
    }

    public Report run(long seed, int casesPerOperation) {
        Instant start = Instant.now();
        Random random = new Random(seed);
        List<Operation> operations = operations();
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> byClass = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<Kind, Integer> byKind = new TreeMap<>();
        int requests = 0;
        List<Caller> callers = new ArrayList<>(target.callers());
        callers.add(Caller.anonymous());
        Map<String, String> before = null;
        for (Operation operation : operations) {
            for (int i = 0; i < casesPerOperation; i++) {
                Kind kind = i == 0 ? Kind.VALID : Kind.values()[random.nextInt(Kind.values().length)];
                Caller caller = callers.get(random.nextInt(callers.size()));
                Call call = call(operation, kind, caller, random);
                if (before == null) {
                    before = checksums();
                }
                Answer answer = send(call);
                requests++;
                byKind.merge(kind, 1, Integer::sum);
                byStatus.merge(answer.status(), 1, Integer::sum);
                byClass.merge(answer.status() / 100 + "xx", 1, Integer::sum);
                String who = caller.isAnonymous() ? "nobody" : caller.userId() + " " + caller.rolesAsHeader();
                String request = call.method() + " " + call.path() + " " + call.description();
                if (answer.status() >= 500) {
                    findings.add(new Finding(operation.name(), kind, who, answer.status(), abbreviate(answer.body()), request));
                } else if (answer.status() >= 400) {
                    if (!answer.contentType().startsWith("application/problem+json")) {
                        findings.add(new Finding(operation.name(), kind, who, answer.status(),
                                "a refusal that is not problem+json: " + answer.contentType(), request));
                    }
                    Map<String, String> after = checksums();
                    List<String> changed = changed(before, after);
                    if (!changed.isEmpty()) {
                        // Again, to tell its own write from a background job's.
                        Map<String, String> again = checksums();
                        Answer replay = send(call);
                        List<String> changedAgain = changed(again, checksums());
                        changedAgain.retainAll(changed);
                        if (replay.status() >= 400 && replay.status() < 500 && !changedAgain.isEmpty()) {
                            findings.add(new Finding(operation.name(), kind, who, answer.status(),
                                    "refused, yet changed " + changedAgain, request));
                        }
                        before = null;
                    } else {
                        before = after;
                    }
                } else {
                    if (kind == Kind.EXTRA_FIELDS && echoesInjected(answer.body())) {
                        findings.add(new Finding(operation.name(), kind, who, answer.status(),
                                "accepted a field the caller may not set: " + abbreviate(answer.body()), request));
                    }
                    before = null;
                }
            }
        }
        Report report = new Report(target.service(), operations.size(), requests, byClass, byStatus, byKind, findings,
                seed, casesPerOperation, Duration.between(start, Instant.now()));
        write(report);
        return report;
    }

    // ---- the document

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (Set.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    operations.add(new Operation(operation.getKey(), path.getKey(), operation.getValue()));
                }
            }
        }
        return operations;
    }

    private JsonNode resolve(JsonNode schema) {
        for (int hops = 0; schema.has("$ref") && hops < 10; hops++) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            schema = document.path("components").path("schemas").path(name);
        }
        if (schema.has("allOf")) {
            ObjectNode merged = nodes.objectNode();
            ObjectNode properties = merged.putObject("properties");
            ArrayNode required = merged.putArray("required");
            merged.put("type", "object");
            for (JsonNode part : schema.get("allOf")) {
                JsonNode resolved = resolve(part);
                resolved.path("properties").properties().forEach(p -> properties.set(p.getKey(), p.getValue()));
                resolved.path("required").forEach(required::add);
            }
            return merged;
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return resolve(schema.has("oneOf") ? schema.get("oneOf").get(0) : schema.get("anyOf").get(0));
        }
        return schema;
    }

    // ---- building a call

    private Call call(Operation operation, Kind kind, Caller caller, Random random) {
        String path = operation.path();
        List<String> query = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        operation.operation().path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            JsonNode schema = resolve(parameter.path("schema"));
            String in = parameter.path("in").asString();
            if (in.equals("path")) {
                String value = kind == Kind.HOSTILE_PATH && random.nextBoolean() || kind == Kind.HOSTILE_PATH && parameters.size() == 1
                        ? HOSTILE_IDS.get(random.nextInt(HOSTILE_IDS.size()))
                        : encode(known(name, schema, random));
                path = path.replace("{" + name + "}", value);
            } else if (in.equals("query")) {
                boolean required = parameter.path("required").asBoolean(false);
                if (kind == Kind.HOSTILE_QUERY) {
                    query.add(encode(name) + "=" + encode(hostileScalar(random)));
                } else if (required || random.nextBoolean()) {
                    query.add(encode(name) + "=" + encode(known(name, schema, random)));
                }
            }
        }
        if (kind == Kind.HOSTILE_QUERY) {
            query.add("page=-1");
            query.add("size=" + HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size())));
            query.add("sort=" + encode("name;DROP TABLE x"));
            notes.add("hostile query");
        }
        if (!query.isEmpty()) {
            path += "?" + String.join("&", query);
        }

        Map<String, String> headers = new LinkedHashMap<>(target.credentials().headersFor(caller));
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        byte[] body = null;
        JsonNode content = operation.operation().path("requestBody").path("content");
        if (!content.isMissingNode() && content.size() > 0) {
            String mediaType = content.propertyNames().iterator().next();
            JsonNode schema = resolve(content.path(mediaType).path("schema"));
            if (mediaType.startsWith("application/json")) {
                headers.put("Content-Type", "application/json");
                body = jsonBody(schema, kind, random, notes);
                if (kind == Kind.WRONG_MEDIA_TYPE) {
                    headers.put("Content-Type", random.nextBoolean() ? "application/xml" : "text/plain");
                    notes.add("as " + headers.get("Content-Type"));
                }
            } else if (mediaType.startsWith("multipart/")) {
                headers.put("Content-Type", "multipart/form-data; boundary=b");
                body = multipart(kind, random, notes);
            } else {
                headers.put("Content-Type", mediaType);
                body = textBody(kind, random, notes);
            }
        } else if (kind == Kind.MALFORMED_BODY || kind == Kind.EXTRA_FIELDS || kind == Kind.DEEP_JSON) {
            // a body where none is expected
            headers.put("Content-Type", "application/json");
            body = kind == Kind.DEEP_JSON ? deep(3_000).getBytes(StandardCharsets.UTF_8)
                    : "{\"status\":\"PAID\",\"priceFen\":1}".getBytes(StandardCharsets.UTF_8);
            notes.add("unexpected body");
        }
        String description = String.join(", ", notes) + (body == null ? "" : " body " + abbreviate(
                new String(body, StandardCharsets.UTF_8)));
        return new Call(operation.method().toUpperCase(), path, headers, body, description);
    }

    private byte[] jsonBody(JsonNode schema, Kind kind, Random random, List<String> notes) {
        JsonNode valid = value("body", schema, random, 0);
        switch (kind) {
            case WRONG_TYPE -> {
                JsonNode mutated = mutateOneField(valid, random, (name, node) -> wrongType(node, random));
                notes.add("wrong type");
                return bytes(mutated);
            }
            case MISSING_FIELD -> {
                if (valid instanceof ObjectNode object && object.size() > 0) {
                    List<String> names = new ArrayList<>(object.propertyNames());
                    String gone = names.get(random.nextInt(names.size()));
                    object.remove(gone);
                    notes.add("without " + gone);
                    if (random.nextBoolean()) {
                        object.removeAll();
                        notes.add("empty object");
                    }
                }
                return bytes(valid);
            }
            case EXTRA_FIELDS -> {
                if (valid instanceof ObjectNode object) {
                    Set<String> declared = schema.path("properties").propertyNames().stream().collect(Collectors.toSet());
                    for (String name : MASS_ASSIGNMENT) {
                        if (!declared.contains(name)) {
                            putInjected(object, name);
                        }
                    }
                    notes.add("extra fields");
                }
                return bytes(valid);
            }
            case HUGE_STRING -> {
                int length = random.nextInt(8) == 0 ? 1_100_000 : 70_000;
                JsonNode mutated = mutateOneField(valid, random, (name, node) -> nodes.stringNode("扶".repeat(length)));
                notes.add("string of " + length);
                return bytes(mutated);
            }
            case HUGE_ARRAY -> {
                JsonNode mutated = mutateOneField(valid, random, (name, node) -> {
                    ArrayNode array = nodes.arrayNode();
                    JsonNode item = node.isArray() && !node.isEmpty() ? node.get(0) : node;
                    for (int i = 0; i < 100_000; i++) {
                        array.add(item);
                    }
                    return array;
                });
                notes.add("array of 100000");
                return bytes(mutated);
            }
            case DEEP_JSON -> {
                int depth = random.nextBoolean() ? 100_000 : 1_200;
                notes.add("depth " + depth);
                String json = bytes(valid).length > 2 && valid.isObject()
                        ? "{\"nested\":" + deep(depth) + "," + new String(bytes(valid), StandardCharsets.UTF_8).substring(1)
                        : deep(depth);
                return json.getBytes(StandardCharsets.UTF_8);
            }
            case INVALID_UTF8 -> {
                String marker = "INVALIDUTF8";
                JsonNode mutated = mutateOneField(valid, random, (name, node) -> nodes.stringNode("名" + marker));
                byte[] json = bytes(mutated.isObject() && mutated.isEmpty() ? nodes.objectNode().put("x", marker) : mutated);
                notes.add("invalid UTF-8");
                return replace(json, marker.getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
            }
            case NUMBER_LIMITS -> {
                String number = HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size()));
                String marker = "\"NUMBERMARKER\"";
                JsonNode mutated = mutateOneField(valid, random, (name, node) ->
                        node.isNumber() || random.nextInt(3) == 0 ? nodes.stringNode("NUMBERMARKER") : node);
                notes.add("number " + number);
                return new String(bytes(mutated), StandardCharsets.UTF_8).replace(marker, number)
                        .getBytes(StandardCharsets.UTF_8);
            }
            case INJECTION_TEXT -> {
                String text = HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size()));
                JsonNode mutated = mutateOneField(valid, random, (name, node) -> nodes.stringNode(text));
                notes.add("text " + text);
                return bytes(mutated);
            }
            case MALFORMED_BODY -> {
                String json = new String(bytes(valid), StandardCharsets.UTF_8);
                List<String> bodies = List.of(json.substring(0, Math.max(0, json.length() / 2)), "", "null", "[]",
                        "42", "\"text\"", "{\"a\":}", "{'single':'quotes'}", json + json, "{\"x\":1,\"x\":2}",
                        "\uFEFF" + json, json.replace("\"", ""));
                String chosen = bodies.get(random.nextInt(bodies.size()));
                notes.add("malformed");
                return chosen.getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                return bytes(valid);
            }
        }
    }

    private byte[] textBody(Kind kind, Random random, List<String> notes) {
        String header = "registrationNumber,headName,identityNumber\r\n";
        return switch (kind) {
            case HUGE_STRING -> header.concat("x,".repeat(300_000)).getBytes(StandardCharsets.UTF_8);
            case INVALID_UTF8 -> replace((header + "A1,BADUTF,1\r\n").getBytes(StandardCharsets.UTF_8),
                    "BADUTF".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
            case INJECTION_TEXT -> (header + "=cmd|' /C calc'!A0,'; DROP TABLE household; --,<script>\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            case MALFORMED_BODY -> "\"unterminated,\r\n\"\"\r\n,,,,,,,,\r\n".getBytes(StandardCharsets.UTF_8);
            default -> header.getBytes(StandardCharsets.UTF_8);
        };
    }

    private byte[] multipart(Kind kind, Random random, List<String> notes) {
        String content = switch (kind) {
            case HUGE_STRING -> "x".repeat(2_100_000);
            case INVALID_UTF8, MALFORMED_BODY -> "\u0089PNG\r\n\u001a\n broken";
            default -> "not a picture";
        };
        String name = kind == Kind.HOSTILE_PATH ? "../../../etc/passwd" : "a.png";
        notes.add("multipart " + content.length());
        return ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: image/png\r\n\r\n" + content + "\r\n--b--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A well-formed value for the schema, preferring the real values the service's test supplied. */
    private JsonNode value(String name, JsonNode schema, Random random, int depth) {
        schema = resolve(schema);
        String type = schema.path("type").asString("");
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        if (target.values().containsKey(name) && !type.equals("object") && !type.equals("array")) {
            return nodes.stringNode(target.values().get(name));
        }
        if (schema.has("enum")) {
            JsonNode options = schema.get("enum");
            return options.get(random.nextInt(options.size()));
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                if (depth < 6) {
                    Set<String> required = new java.util.HashSet<>();
                    schema.path("required").forEach(r -> required.add(r.asString()));
                    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                        if (required.contains(property.getKey()) || random.nextInt(4) != 0) {
                            object.set(property.getKey(), value(property.getKey(), property.getValue(), random, depth + 1));
                        }
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                if (depth < 6) {
                    array.add(value(singular(name), schema.path("items"), random, depth + 1));
                }
                yield array;
            }
            case "integer" -> {
                long min = schema.path("minimum").asLong(1);
                long max = schema.path("maximum").asLong(Math.max(min, 1) + 10);
                yield nodes.numberNode(min + (max > min ? Math.floorMod(random.nextLong(), Math.min(max - min, 100)) : 0));
            }
            case "number" -> nodes.numberNode(1 + random.nextInt(100));
            case "boolean" -> nodes.booleanNode(random.nextBoolean());
            default -> nodes.stringNode(text(name, schema, random));
        };
    }

    private String known(String name, JsonNode schema, Random random) {
        if (target.values().containsKey(name)) {
            return target.values().get(name);
        }
        JsonNode value = value(name, schema, random, 0);
        return value.isString() ? value.asString() : value.toString();
    }

    private String text(String name, JsonNode schema, Random random) {
        String format = schema.path("format").asString("");
        return switch (format) {
            case "uuid" -> {
                // a real id of another kind half of the time (sorted: the same seed makes the same calls)
                List<String> ids = target.values().values().stream().filter(v -> v.length() == 36).sorted().toList();
                yield ids.isEmpty() || random.nextBoolean() ? new UUID(random.nextLong(), random.nextLong()).toString()
                        : ids.get(random.nextInt(ids.size()));
            }
            case "date" -> LocalDate.now().plusDays(random.nextInt(60)).toString();
            case "date-time" -> Instant.now().plusSeconds(random.nextInt(86_400 * 30)).toString();
            default -> {
                int min = schema.path("minLength").asInt(1);
                int max = schema.path("maxLength").asInt(Math.max(min, 12));
                String base = "扶贫" + name;
                StringBuilder text = new StringBuilder(base);
                while (text.length() < min) {
                    text.append('x');
                }
                yield text.length() > max ? text.substring(0, max) : text.toString();
            }
        };
    }

    private String hostileScalar(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size()));
            case 1 -> HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size()));
            default -> "x".repeat(random.nextBoolean() ? 3_000 : 7);
        };
    }

    private JsonNode wrongType(JsonNode node, Random random) {
        List<JsonNode> others = new ArrayList<>(List.of(nodes.stringNode("扶贫"), nodes.numberNode(7), nodes.booleanNode(true),
                nodes.nullNode(), nodes.arrayNode().add(1), nodes.objectNode().put("a", 1), nodes.numberNode(1.5)));
        others.removeIf(other -> other.getNodeType() == node.getNodeType());
        return others.get(random.nextInt(others.size()));
    }

    interface Mutation {
        JsonNode apply(String name, JsonNode node);
    }

    /** Applies the mutation to one leaf (or the whole value when it has none), chosen at random. */
    private JsonNode mutateOneField(JsonNode valid, Random random, Mutation mutation) {
        List<String[]> leaves = new ArrayList<>();
        collect(valid, "", leaves);
        if (leaves.isEmpty()) {
            if (valid instanceof ObjectNode object) {
                object.set("x", mutation.apply("x", nodes.stringNode("x")));
                return object;
            }
            return mutation.apply("", valid);
        }
        String pointer = leaves.get(random.nextInt(leaves.size()))[0];
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = pointer.substring(0, slash).isEmpty() ? valid : valid.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, mutation.apply(last, object.get(last)));
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            array.set(index, mutation.apply(last, array.get(index)));
        }
        return valid;
    }

    private void collect(JsonNode node, String pointer, List<String[]> leaves) {
        if (node.isObject()) {
            node.properties().forEach(p -> collect(p.getValue(), pointer + "/" + p.getKey(), leaves));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, leaves);
            }
            if (node.isEmpty()) {
                leaves.add(new String[] {pointer});
            }
        } else if (!pointer.isEmpty()) {
            leaves.add(new String[] {pointer});
        }
    }

    private void putInjected(ObjectNode object, String name) {
        if (name.endsWith("Fen") || name.equals("version")) {
            object.put(name, INJECTED_NUMBER);
        } else if (name.endsWith("Id") || name.equals("id") || name.equals("approvedBy") || name.equals("createdBy")) {
            object.put(name, INJECTED_ID.toString());
        } else if (name.equals("certified")) {
            object.put(name, true);
        } else if (name.equals("roles")) {
            object.putArray(name).add("ADMIN").add("SERVICE");
        } else if (name.equals("role")) {
            object.put(name, "ADMIN");
        } else if (name.equals("paidAt")) {
            object.put(name, "2001-01-01T00:00:00Z");
        } else {
            object.put(name, INJECTED_TEXT);
        }
    }

    private boolean echoesInjected(String body) {
        return body.contains(INJECTED_TEXT) || body.contains(Long.toString(INJECTED_NUMBER))
                || body.contains(INJECTED_ID.toString()) || body.contains("2001-01-01T00:00:00Z");
    }

    // ---- sending

    private Answer send(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.baseUrl() + call.path()))
                .timeout(Duration.ofSeconds(60))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headers().forEach(request::header);
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), answer.body());
        } catch (IOException e) {
            // The server closed the connection without an answer: as bad as a 5xx.
            return new Answer(599, "", "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the database

    private Map<String, String> checksums() {
        return checksums(target.database(), target.quietTables());
    }

    /**
     * {@code CHECKSUM TABLE} of every table of the database but Flyway's and the quiet ones (case-insensitive),
     * by {@code database.table}.
     */
    public static Map<String, String> checksums(DataSource database, Set<String> quietTables) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    if (quietTables.stream().noneMatch(table::equalsIgnoreCase)
                            && !table.equalsIgnoreCase("flyway_schema_history")) {
                        tables.add(table);
                    }
                }
            }
            Map<String, String> sums = new TreeMap<>();
            if (tables.isEmpty()) {
                return sums;
            }
            try (ResultSet rows = statement.executeQuery("CHECKSUM TABLE "
                    + tables.stream().map(t -> "`" + t + "`").collect(Collectors.joining(", ")))) {
                while (rows.next()) {
                    sums.put(rows.getString(1), rows.getString(2));
                }
            }
            return sums;
        } catch (SQLException e) {
            throw new IllegalStateException("Checksumming the database failed", e);
        }
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> table : after.entrySet()) {
            if (!table.getValue().equals(before.get(table.getKey()))) {
                String name = table.getKey();
                changed.add(name.substring(name.indexOf('.') + 1));
            }
        }
        return changed;
    }

    // ---- the report

    private void write(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(report.service()).append("\n\n");
        md.append("| operations | requests | 2xx | 3xx | 4xx | 5xx | findings | seed | cases per operation | took |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        md.append("| ").append(report.operations()).append(" | ").append(report.requests());
        for (String klass : List.of("2xx", "3xx", "4xx", "5xx")) {
            md.append(" | ").append(report.byClass().getOrDefault(klass, 0));
        }
        md.append(" | ").append(report.findings().size()).append(" | ").append(report.seed()).append(" | ")
                .append(report.cases()).append(" | ").append(report.took().toSeconds()).append(" s |\n\n");
        md.append("By status (599: closed without an answer): ").append(report.byStatus().entrySet().stream()
                .map(e -> e.getKey() + " × " + e.getValue()).collect(Collectors.joining(", "))).append(".  \n");
        md.append("By case: ").append(report.byKind().entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase().replace('_', ' ') + " " + e.getValue())
                .collect(Collectors.joining(", "))).append(".\n");
        if (!report.findings().isEmpty()) {
            md.append("\nFindings:\n\n");
            report.findings().forEach(f -> md.append("- `").append(f.operation()).append("` ").append(f.kind())
                    .append(" as ").append(f.caller()).append(": ").append(f.status()).append(" ")
                    .append(f.what().replace("\n", " ").replace("|", "\\|")).append("\n"));
        }
        try {
            Path directory = Path.of("target", "fuzz");
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(report.service() + ".md"), md.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Writing the fuzzing report failed", e);
        }
    }

    // ---- small helpers

    private static String deep(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " chars)";
    }

    private static byte[] replace(byte[] source, byte[] marker, byte[] replacement) {
        String latin = new String(source, StandardCharsets.ISO_8859_1);
        String markerLatin = new String(marker, StandardCharsets.ISO_8859_1);
        int at = latin.indexOf(markerLatin);
        if (at < 0) {
            return source;
        }
        byte[] result = new byte[source.length - marker.length + replacement.length];
        System.arraycopy(source, 0, result, 0, at);
        System.arraycopy(replacement, 0, result, at, replacement.length);
        System.arraycopy(source, at + marker.length, result, at + replacement.length, source.length - at - marker.length);
        return result;
    }
}
