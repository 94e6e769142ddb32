package io.fupin.order.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.sun.net.httpserver.HttpServer;
import io.fupin.support.identity.IdentitySignature;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox's notifications: sent again while the callback fails, as a provider does, and given up in time. */
class SandboxWalletTests {

    private final List<String> nonces = new CopyOnWriteArrayList<>();
    private final List<String> traces = new CopyOnWriteArrayList<>();
    /** How many of the wallet's first attempts the callback fails. */
    private final AtomicInteger failing = new AtomicInteger();
    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer callback;

    @AfterEach
    void stopCallback() {
        callback.stop(0);
    }

    @Test
    void sendsTheNotificationAgainWhileTheCallbackAnswers5xxEachTimeFreshlySigned() throws IOException {
        failing.set(2);
        wallet().send("{}".getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(nonces).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void doesNotSendAgainWhatTheCallbackRefusedFor4xx() throws IOException {
        status.set(400);
        wallet().send("{}".getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(nonces).hasSize(1);
    }

    @Test
    void givesUpAfterFiveAttemptsLeavingThePaymentToTheStatusPoll() throws IOException {
        failing.set(Integer.MAX_VALUE);
        wallet().send("{}".getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(nonces).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void carriesTheTraceOfThePayRequestOnEveryAttempt() throws IOException {
        failing.set(1);
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        wallet().send("{}".getBytes(StandardCharsets.UTF_8), Map.of("traceparent", traceparent));

        assertThat(traces).hasSize(2).containsOnly(traceparent);
    }

    private SandboxWallet wallet() throws IOException {
        callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callback.createContext("/api/payments/callback", exchange -> {
            String nonce = exchange.getRequestHeaders().getFirst(CallbackSignature.NONCE);
            nonces.add(nonce);
            traces.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.getRequestBody().readAllBytes();
            int answer = nonces.size() <= failing.get() ? 503 : status.get();
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        callback.start();
        Clock clock = Clock.systemUTC();
        return new SandboxWallet(mock(JdbcClient.class), JsonMapper.builder().build(), clock,
                new IdentitySignature("test-identity-secret-0123456789abcdef", Duration.ofMinutes(1), clock),
                new MockEnvironment(), "test-sandbox-secret-0123456789abcdef", Duration.ofMinutes(5),
                "http://127.0.0.1:" + callback.getAddress().getPort(), true, new StaticListableBeanFactory()
                        .getBeanProvider(Tracer.class), new StaticListableBeanFactory().getBeanProvider(Propagator.class));
    }
}
