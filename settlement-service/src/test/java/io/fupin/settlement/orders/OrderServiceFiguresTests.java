package io.fupin.settlement.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.fupin.settlement.orders.OrderServiceFigures.OrderServiceUnreachable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * OWASP API10, unsafe consumption: order-service's figures of a day are input too. Whatever it answers (not
 * JSON, the wrong shape, a figure without an order or with negative money, more pages than a day can have, pages
 * that never end), settlement-service verifies nothing against it: the read ends as
 * {@link OrderServiceUnreachable} (the period stays open, 409 orders-unverified), as the circuit breaker's
 * fallback turns it, after a bounded number of requests.
 */
class OrderServiceFiguresTests {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer orderService;

    @AfterEach
    void stop() {
        if (orderService != null) {
            orderService.stop(0);
        }
    }

    @Test
    void readsEveryPageOfAWellFormedAnswer() {
        UUID order = UUID.randomUUID();
        var figures = answering("{\"items\":[{\"orderId\":\"" + order + "\",\"paidFen\":990,\"refundedFen\":100}],"
                + "\"page\":0,\"totalPages\":1}").ofDay(DAY);

        assertThat(figures.get(order).paidFen()).isEqualTo(990);
    }

    @Test
    void anAnswerThatIsNotADaysFiguresIsUnreachableAfterFewRequests() {
        List<String> answers = List.of(
                "<html>oops</html>",
                "{\"items\":",
                "null",
                "{}",
                "{\"items\":\"all\",\"page\":0,\"totalPages\":1}",
                "{\"items\":[null],\"page\":0,\"totalPages\":1}",
                "{\"items\":[{\"paidFen\":990,\"refundedFen\":0}],\"page\":0,\"totalPages\":1}",
                "{\"items\":[{\"orderId\":\"" + UUID.randomUUID() + "\",\"paidFen\":-990,\"refundedFen\":0}],\"page\":0,\"totalPages\":1}",
                "{\"items\":[{\"orderId\":\"" + UUID.randomUUID() + "\",\"paidFen\":990,\"refundedFen\":-1}],\"page\":0,\"totalPages\":1}",
                "{\"items\":[{\"orderId\":\"' OR 1=1 --\",\"paidFen\":990,\"refundedFen\":0}],\"page\":0,\"totalPages\":1}",
                "{\"items\":[{\"orderId\":\"" + UUID.randomUUID() + "\",\"paidFen\":99999999999999999999,\"refundedFen\":0}],\"page\":0,\"totalPages\":1}",
                // pages that never end: the same empty page, two billion of them
                "{\"items\":[],\"page\":0,\"totalPages\":2147483647}",
                "{\"items\":[],\"page\":0,\"totalPages\":-1}");
        for (String answer : answers) {
            requests.set(0);
            OrderServiceFigures figures = answering(answer);
            Throwable thrown = catchThrowable(() -> figures.ofDay(DAY));
            assertThat(thrown).as(answer).isNotNull();
            assertThat(catchThrowable(() -> figures.unreachable(DAY, thrown))).as(answer)
                    .isInstanceOf(OrderServiceUnreachable.class);
            assertThat(requests.get()).as(answer).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void anOrderServiceThatDoesNotAnswerInTimeIsUnreachable() throws IOException {
        orderService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        orderService.createContext("/", exchange -> {
            // Headers, then a body that never comes.
            exchange.sendResponseHeaders(200, 0);
        });
        orderService.start();
        OrderServiceFigures figures = figures(Duration.ofMillis(300));

        Throwable thrown = catchThrowable(() -> figures.ofDay(DAY));

        assertThat(catchThrowable(() -> figures.unreachable(DAY, thrown))).isInstanceOf(OrderServiceUnreachable.class);
    }

    private OrderServiceFigures answering(String body) {
        if (orderService != null) {
            orderService.stop(0);
        }
        try {
            orderService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        orderService.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        orderService.start();
        return figures(Duration.ofSeconds(5));
    }

    private OrderServiceFigures figures(Duration readTimeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(1));
        requests.setReadTimeout(readTimeout);
        return new OrderServiceFigures(RestClient.builder()
                .baseUrl("http://127.0.0.1:" + orderService.getAddress().getPort()).requestFactory(requests).build());
    }
}
