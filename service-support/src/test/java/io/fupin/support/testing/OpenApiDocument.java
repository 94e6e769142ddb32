package io.fupin.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's published OpenAPI document, read from the running service and written to
 * {@code target/openapi/<service>.json} for the linter ({@code docs/openapi/lint}). {@link #isPublishable}
 * holds what every document promises: the gateway as its server, the bearer scheme, no internal path or
 * parameter, and each operation's 4xx answers as problem+json.
 */
public final class OpenApiDocument {

    private final String service;
    private final JsonNode document;

    private OpenApiDocument(String service, JsonNode document) {
        this.service = service;
        this.document = document;
    }

    public static OpenApiDocument of(String service, int port) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
        Path file = Path.of("target", "openapi", service + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, answer.body());
        return new OpenApiDocument(service, JsonMapper.builder().build().readTree(answer.body()));
    }

    /** A document read elsewhere (the gateway serves each service's). */
    public static OpenApiDocument of(String service, JsonNode document) {
        return new OpenApiDocument(service, document);
    }

    public JsonNode json() {
        return document;
    }

    /** Names of inputs that would carry an address for the server to fetch. */
    private static final java.util.regex.Pattern URL_NAME = java.util.regex.Pattern.compile(
            "(?i).*(url|uri|href|link|callback|webhook|redirect|endpoint|host|feed|src|source)$");

    /**
     * OWASP API7 (server-side request forgery): no operation takes an address from its caller. Neither a
     * parameter nor a request body property (however deep) is named like a URL (…url, …uri, …href, …link,
     * callback, webhook, redirect, endpoint, host, src, source) or has the format {@code uri} or {@code url}; a
     * file is uploaded as bytes ({@code format: binary}), never named by an address for the service to fetch.
     */
    public void takesNoUrl() {
        List<String> addresses = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    if (URL_NAME.matcher(parameter.path("name").asString()).matches()
                            || isUrlFormat(resolve(parameter.path("schema")))) {
                        addresses.add(name + " parameter " + parameter.path("name").asString());
                    }
                }
                for (JsonNode content : operation.getValue().path("requestBody").path("content")) {
                    inputs(content.path("schema"), name + " body", addresses, new java.util.HashSet<>());
                }
            }
        }
        assertThat(addresses).as(service + ": inputs that take an address").isEmpty();
    }

    private void inputs(JsonNode schema, String where, List<String> addresses, java.util.Set<String> seen) {
        if (schema.has("$ref") && !seen.add(schema.get("$ref").asString())) {
            return;
        }
        JsonNode resolved = resolve(schema);
        if (isUrlFormat(resolved)) {
            addresses.add(where + " (format " + resolved.path("format").asString() + ")");
        }
        for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
            if (URL_NAME.matcher(property.getKey()).matches()) {
                addresses.add(where + "." + property.getKey());
            }
            inputs(property.getValue(), where + "." + property.getKey(), addresses, seen);
        }
        for (String composite : List.of("items", "additionalProperties")) {
            if (resolved.path(composite).isObject()) {
                inputs(resolved.path(composite), where + "[]", addresses, seen);
            }
        }
        for (String composite : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : resolved.path(composite)) {
                inputs(part, where, addresses, seen);
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        for (int hops = 0; schema.has("$ref") && hops < 10; hops++) {
            schema = document.path("components").path("schemas").path(schema.get("$ref").asString()
                    .replace("#/components/schemas/", ""));
        }
        return schema;
    }

    private static boolean isUrlFormat(JsonNode schema) {
        String format = schema.path("format").asString("");
        return format.equalsIgnoreCase("uri") || format.equalsIgnoreCase("url") || format.equalsIgnoreCase("uri-reference");
    }

    public void isPublishable() {
        assertThat(document.path("servers").path(0).path("url").asString()).as(service + " servers")
                .isEqualTo("http://localhost:8080");
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .as(service + " bearer scheme").isEqualTo("bearer");
        List<String> internalPaths = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> withoutProblems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (path.getKey().startsWith("/internal")) {
                internalPaths.add(path.getKey());
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    if (parameter.path("name").asString().equals("caller")) {
                        leaks.add(name + " parameter caller");
                    }
                }
                boolean hasProblem = false;
                for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
                    if (response.getKey().startsWith("2") && response.getValue().path("content").has("application/problem+json")) {
                        withoutProblems.add(name + " " + response.getKey() + " answers a success as a problem");
                    }
                    if (response.getKey().startsWith("4")) {
                        hasProblem = true;
                        if (!response.getValue().path("content").has("application/problem+json")) {
                            withoutProblems.add(name + " " + response.getKey());
                        }
                    }
                }
                if (!hasProblem) {
                    withoutProblems.add(name + " (no 4xx answer)");
                }
            }
        }
        assertThat(internalPaths).as(service + " internal paths").isEmpty();
        assertThat(leaks).as(service + " internal parameters").isEmpty();
        assertThat(withoutProblems).as(service + " 4xx answers without problem+json").isEmpty();
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            assertThat(schema.getValue().path("properties").has("eachProductOnce")
                    || schema.getValue().path("properties").has("organisationNamed"))
                    .as(service + " schema " + schema.getKey() + " shows an internal property").isFalse();
        }
    }
}
