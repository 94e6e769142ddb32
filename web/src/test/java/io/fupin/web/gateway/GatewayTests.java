package io.fupin.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.fupin.web.WebProperties;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The gateway client against a real HTTP server: what goes over the wire. */
class GatewayTests {

    HttpServer server;
    final AtomicReference<String> contentType = new AtomicReference<>();
    final AtomicReference<String> authorization = new AtomicReference<>();
    final AtomicReference<byte[]> received = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            received.set(exchange.getRequestBody().readAllBytes());
            if (exchange.getRequestURI().getPath().startsWith("/api/orders")) {
                byte[] problem = ("{\"type\":\"https://fupin.market/problems/too-many-requests\",\"status\":429,"
                        + "\"detail\":\"Too many orders are being placed right now.\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.getResponseHeaders().add("Retry-After", "3");
                exchange.sendResponseHeaders(429, problem.length);
                exchange.getResponseBody().write(problem);
                exchange.close();
                return;
            }
            byte[] answer = "{\"width\":64}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Gateway gateway() {
        return new Gateway(RestClient.builder(), new WebProperties(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null, Duration.ofSeconds(2),
                Duration.ofSeconds(5), null));
    }

    @Test
    void putsAFileAsTheNamedMultipartPartWithItsNameAndType() {
        Gateway gateway = gateway();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 1, 2};

        Map<?, ?> answer = gateway.putFile("token", "/api/catalog/products/{id}/photo", "file", "花生.png",
                MediaType.IMAGE_PNG, png, Map.class, "p1");

        assertThat(answer.get("width")).isEqualTo(64);
        assertThat(authorization.get()).isEqualTo("Bearer token");
        assertThat(contentType.get()).startsWith("multipart/form-data;boundary=");
        String body = new String(received.get(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains("Content-Disposition: form-data; name=\"file\"; filename=",
                "Content-Type: image/png", new String(png, StandardCharsets.ISO_8859_1));
    }

    @Test
    void tellsATooBusyAnswerAndHowLongItAskedToWait() {
        ApiProblem refused = catchThrowableOfType(ApiProblem.class,
                () -> gateway().post("token", "/api/orders", Map.of(), Map.of("Idempotency-Key", "k1"), Map.class));

        assertThat(refused.busy()).isTrue();
        assertThat(refused.type()).isEqualTo("too-many-requests");
        assertThat(refused.retryAfterSeconds()).isEqualTo(3);
    }
}
