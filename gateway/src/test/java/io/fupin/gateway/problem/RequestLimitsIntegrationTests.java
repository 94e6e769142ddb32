package io.fupin.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.gateway.GatewayIntegrationTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Over-long request lines and headers are refused with problem+json, like every other refusal. Netty's HTTP
 * decoder reads the request line and the headers before any filter runs and answers what it refuses with an
 * empty body, so these go over the wire with a plain HTTP client rather than through a test client bound to
 * the application.
 */
class RequestLimitsIntegrationTests extends GatewayIntegrationTest {

    private static final int KB = 1024;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Value("${local.server.port}")
    private int port;

    @Test
    void refusesAnOverLongPathWith414Problem() throws Exception {
        int before = receivedByAnyBackend();
        HttpResponse<String> response = get("/api/catalog/products/" + "x".repeat(5_000));
        assertProblem(response, 414, "uri-too-long");
        assertThat(receivedByAnyBackend()).isEqualTo(before);
    }

    @Test
    void refusesAnOverLongQueryWith414Problem() throws Exception {
        int before = receivedByAnyBackend();
        HttpResponse<String> response = get("/api/catalog/products?q=" + "x".repeat(3_000) + "&sort=" + "y".repeat(3_000));
        assertProblem(response, 414, "uri-too-long");
        assertThat(receivedByAnyBackend()).isEqualTo(before);
    }

    @Test
    void refusesAFarLongerUriWith414ProblemNotNamingItInTheAnswer() throws Exception {
        HttpResponse<String> response = get("/api/orders/" + "z".repeat(40 * KB));
        JsonNode problem = assertProblem(response, 414, "uri-too-long");
        assertThat(response.body().length()).isLessThan(KB);
        assertThat(problem.path("instance").asString()).startsWith("/api/orders/");
    }

    @Test
    void forwardsAUriAtTheLimit() throws Exception {
        String prefix = "/api/catalog/products?q=";
        HttpResponse<String> response = get(prefix + "q".repeat(4 * KB - prefix.length()));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnOverLongHeaderWith431Problem() throws Exception {
        int before = receivedByAnyBackend();
        HttpResponse<String> response = send(request("/api/catalog/products").header("X-Padding", "x".repeat(20 * KB)));
        assertProblem(response, 431, "headers-too-large");
        assertThat(receivedByAnyBackend()).isEqualTo(before);
    }

    @Test
    void refusesManySmallHeadersAdding431Problem() throws Exception {
        HttpRequest.Builder request = request("/api/catalog/products");
        for (int i = 0; i < 2_000; i++) {
            request.header("X-H" + i, "v");
        }
        assertProblem(send(request), 431, "headers-too-large");
    }

    @Test
    void refusesMoreHeadersThanTheServicesAcceptWith431Problem() throws Exception {
        int before = receivedByAnyBackend();
        HttpRequest.Builder request = request("/api/catalog/products");
        for (int i = 0; i < 120; i++) {
            request.header("X-H" + i, "v");
        }
        assertProblem(send(request), 431, "headers-too-large");
        assertThat(receivedByAnyBackend()).isEqualTo(before);
    }

    @Test
    void forwardsHeadersUpTo16KilobytesInAll() throws Exception {
        HttpResponse<String> response = send(request("/api/catalog/products").header("X-Padding", "x".repeat(15 * KB)));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAUriLongerThanNettyReadsWith414Problem() throws Exception {
        assertProblem(get("/api/catalog/products?q=" + "x".repeat(100 * KB)), 414, "uri-too-long");
    }

    @Test
    void refusesHeadersLargerThanNettyReadsWith431Problem() throws Exception {
        assertProblem(send(request("/api/catalog/products").header("X-Padding", "x".repeat(100 * KB))),
                431, "headers-too-large");
    }

    @Test
    void refusesAnUnreadableRequestLineWith400Problem() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/catalog/products HTTP/9.x\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"type\":\"https://fupin.market/problems/malformed-request\"");
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .GET();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).as("the problem").isNotEmpty();
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://fupin.market/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotEmpty();
        assertThat(problem.path("detail").asString()).isNotEmpty();
        return problem;
    }
}
