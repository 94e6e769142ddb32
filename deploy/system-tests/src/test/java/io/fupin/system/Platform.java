package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform as a client sees it: the gateway's URL, demo users' tokens, JSON in and out. */
final class Platform {

    static final String PASSWORD = System.getProperty("fupin.demo.password", "fupin-demo");

    private final String gateway = System.getProperty("gateway.url", "http://localhost:8080");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    }

    String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            Reply reply = send("POST", "/api/auth/token", null, Map.of("username", u, "password", PASSWORD), Map.of());
            if (reply.status() != 200) {
                throw new IllegalStateException("No token for " + u + ": " + reply.status() + " " + reply.raw().body());
            }
            return reply.body().get("accessToken").asString();
        });
    }

    /** The seller a demo seller user acts for: the {@code seller_id} claim of its token. */
    String sellerIdOf(String user) {
        String payload = token(user).split("\\.")[1];
        return json.readTree(java.util.Base64.getUrlDecoder().decode(payload)).get("seller_id").asString();
    }

    Reply get(String user, String path) {
        return send("GET", path, user, null, Map.of());
    }

    Reply post(String user, String path, Object body, Map<String, String> headers) {
        return send("POST", path, user, body, headers);
    }

    /** Uploads a file as the multipart form part {@code file}; the answer is JSON (or problem+json). */
    Reply upload(String user, String path, String filename, String contentType, byte[] content) {
        String boundary = "fupin-" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(content);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Reply(response.statusCode(), text == null || text.isBlank() ? json.nullNode() : json.readTree(text),
                    response);
        } catch (IOException e) {
            throw new IllegalStateException("PUT " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET without a token whose answer is not JSON (an image), with the headers given. */
    HttpResponse<byte[]> download(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        try {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply send(String method, String path, String user, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode parsed = text == null || text.isBlank() ? json.nullNode() : json.readTree(text);
            return new Reply(response.statusCode(), parsed, response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Through the API, as a buyer on another device would: placed and paid in the sandbox; answers its id. */
    String placeAndPay(String user, String product, int quantity) {
        Reply placed = post(user, "/api/orders", Map.of(
                "lines", List.of(Map.of("productId", product, "quantity", quantity)), "channel", "ONLINE",
                "buyer", Map.of("kind", "INDIVIDUAL"),
                "delivery", Map.of("name", "王芳", "mobile", "13800138000", "address", "黑龙江省哈尔滨市双城区")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(201);
        String orderId = placed.body().get("id").asString();
        Reply payment = post(user, "/api/payments", Map.of("orderId", orderId,
                "amountFen", placed.body().get("totalFen").asLong()), Map.of("Idempotency-Key", "pay-" + orderId));
        assertThat(payment.status()).as(payment.raw().body()).isIn(200, 201);
        Reply paid = post(user, "/api/payments/" + payment.body().get("id").asString() + "/sandbox/pay", null, Map.of());
        assertThat(paid.status()).as(paid.raw().body()).isIn(200, 202, 204);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(user, "/api/orders/" + orderId).body().get("status").asString().equals("PAID"));
        return orderId;
    }

    /** Runs the local stack's command, e.g. {@code kill settlement-service}. */
    static void cli(String... args) {
        run(new ProcessBuilder(command(args)).inheritIO(), args);
    }

    /** Runs the local stack's command and answers what it printed, e.g. {@code path}. */
    static String cliOutput(String... args) {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectError(ProcessBuilder.Redirect.INHERIT);
        return run(builder, args);
    }

    private static String[] command(String... args) {
        String cli = System.getProperty("fupin.cli", "deploy/local/fupin");
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = cli;
        System.arraycopy(args, 0, command, 2, args.length);
        return command;
    }

    private static String run(ProcessBuilder builder, String... args) {
        try {
            Process process = builder.start();
            String output = builder.redirectOutput() == ProcessBuilder.Redirect.INHERIT ? ""
                    : new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", args) + " exited with " + exit);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
