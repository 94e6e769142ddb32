package io.fupin.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** A service's call to another, against a real HTTP server: signed as the calling service, within its timeouts. */
class ServiceClientsTests {

    final IdentitySignature signature = new IdentitySignature("service-clients-test-secret-0123456789",
            Duration.ofSeconds(60), Clock.systemUTC());
    final CompletableFuture<Headers> received = new CompletableFuture<>();
    final CountDownLatch slowAnswer = new CountDownLatch(1);
    HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/figures", exchange -> {
            received.complete(exchange.getRequestHeaders());
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                slowAnswer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        slowAnswer.countDown();
        server.stop(0);
    }

    @Test
    void signsEveryCallAsTheServiceReplacingIdentityHeadersItWasGiven() throws Exception {
        RestClient client = client(Duration.ofSeconds(5));

        client.get().uri("/figures").header(IdentityHeaders.ROLES, "ADMIN").header(IdentityHeaders.USER_ID, "someone")
                .retrieve().toBodilessEntity();

        Headers headers = received.get(10, TimeUnit.SECONDS);
        Caller caller = signature.verify(headers::getFirst);
        assertThat(caller.userId()).isEqualTo("service:settlement-service");
        assertThat(caller.roles()).isEqualTo(Set.of(Role.SERVICE));
        assertThat(headers.get(IdentityHeaders.ROLES)).hasSize(1);
    }

    @Test
    void givesUpOnAnAnswerSlowerThanItsReadTimeout() {
        RestClient client = client(Duration.ofMillis(300));

        assertThatThrownBy(() -> client.get().uri("/slow").retrieve().toBodilessEntity())
                .isInstanceOf(ResourceAccessException.class);
    }

    private RestClient client(Duration readTimeout) {
        return ServiceClients.signed(RestClient.builder(),
                new ServiceIdentityInterceptor(signature, "settlement-service"),
                "http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(1), readTimeout);
    }
}
