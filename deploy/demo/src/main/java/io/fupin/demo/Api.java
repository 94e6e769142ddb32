package io.fupin.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** The platform's public API, through the gateway, as a demo user. */
final class Api {

    private final String gateway;
    private final String password;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Api(String gateway, String password) {
        this.gateway = gateway.endsWith("/") ? gateway.substring(0, gateway.length() - 1) : gateway;
        this.password = password;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    record Reply(int status, JsonNode body, String text) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The elements of a list answer, whether a bare array or a page ({@code {"items": [...], ...}}); else none. */
        JsonNode items() {
            if (body != null && body.isArray()) {
                return body;
            }
            if (body != null && body.has("items") && body.get("items").isArray()) {
                return body.get("items");
            }
            return JsonNodeFactory.instance.arrayNode();
        }

        Reply expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("Unexpected " + status + ": " + text);
        }
    }

    JsonMapper json() {
        return json;
    }

    String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            Reply reply = send("POST", "/api/auth/token", null, Map.of("username", u, "password", password), Map.of(), null);
            reply.expect(200);
            return reply.body().get("accessToken").asString();
        });
    }

    /** Forgets the user's token, so that the next request signs in again. */
    void forget(String user) {
        tokens.remove(user);
    }

    Reply get(String user, String path) {
        return send("GET", path, user, null, Map.of(), null);
    }

    Reply post(String user, String path, Object body) {
        return send("POST", path, user, body, Map.of(), null);
    }

    Reply post(String user, String path, Object body, Map<String, String> headers) {
        return send("POST", path, user, body, headers, null);
    }

    Reply put(String user, String path, Object body) {
        return send("PUT", path, user, body, Map.of(), null);
    }

    Reply postText(String user, String path, String contentType, String text) {
        return send("POST", path, user, null, Map.of("Content-Type", contentType), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads a file as the multipart form part {@code file}. */
    Reply putFile(String user, String path, String filename, String contentType, byte[] content) {
        String boundary = "fupin-demo-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(content);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("PUT", path, user, null, Map.of("Content-Type", "multipart/form-data; boundary=" + boundary),
                form.toByteArray());
    }

    String getText(String user, String path) {
        Reply reply = send("GET", path, user, null, Map.of(), null);
        reply.expect(200);
        return reply.text();
    }

    private Reply send(String method, String path, String user, Object body, Map<String, String> headers, byte[] rawBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        headers.forEach(request::header);
        if (rawBody != null) {
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(rawBody));
        } else if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                // The gateway's rate limiter protects the platform from bursts; a loader backs off like any client.
                if (response.statusCode() == 429 && attempt < 20) {
                    Thread.sleep(250L * attempt);
                    continue;
                }
                String text = response.body();
                JsonNode parsed = null;
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (text != null && !text.isBlank() && type.contains("json")) {
                    parsed = json.readTree(text);
                }
                return new Reply(response.statusCode(), parsed, text);
            } catch (IOException e) {
                if (attempt >= 3) {
                    throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
