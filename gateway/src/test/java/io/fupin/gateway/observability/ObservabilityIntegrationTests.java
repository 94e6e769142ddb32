package io.fupin.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fupin.gateway.FakeBackend;
import io.fupin.gateway.GatewayIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

class ObservabilityIntegrationTests extends GatewayIntegrationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN = "00f067aa0ba902b7";

    private final ListAppender<ILoggingEvent> accessLog = new ListAppender<>();
    private final Logger accessLogger = (Logger) LoggerFactory.getLogger("io.fupin.gateway.access");

    @BeforeEach
    void captureAccessLog() {
        accessLog.start();
        accessLogger.addAppender(accessLog);
    }

    @AfterEach
    void releaseAccessLog() {
        accessLogger.detachAppender(accessLog);
    }

    @Test
    void continuesTheCallersTraceTowardsTheService() {
        String path = "/api/orders/" + UUID.randomUUID();
        client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("consumer")))
                .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN + "-01")
                .exchange().expectStatus().isOk();

        String forwarded = ORDERS.last(path).header("traceparent");
        assertThat(forwarded).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        assertThat(forwarded).doesNotContain(PARENT_SPAN);
    }

    @Test
    void continuesAnUnsampledTraceTooSoThatTheServicesLogsShareItsId() {
        String path = "/api/orders/" + UUID.randomUUID();
        client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("consumer")))
                .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN + "-00")
                .exchange().expectStatus().isOk();

        assertThat(ORDERS.last(path).header("traceparent")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-00");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(linesFor(path)).singleElement()
                .satisfies(line -> assertThat(line).startsWith("trace=" + TRACE_ID + " ")));
    }

    @Test
    void startsATraceWhenTheCallerHasNone() {
        String path = "/api/catalog/products?trace=" + UUID.randomUUID();
        client.get().uri(path).exchange().expectStatus().isOk();

        assertThat(FakeBackend.latest(path, CATALOG_A, CATALOG_B).header("traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void logsOneLinePerProxiedRequestWithTraceUserRouteStatusAndLatency() {
        String path = "/api/orders/" + UUID.randomUUID();
        client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("consumer")))
                .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN + "-01")
                .exchange().expectStatus().isOk();

        // The line is written as the exchange completes, which may be just after the client has its answer.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(linesFor(path)).singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("trace=" + TRACE_ID + " user=consumer route=orders method=GET path=" + path + " status=200 latency_ms=")
                        .matches(".*latency_ms=\\d+$")));
    }

    @Test
    void logsRefusedRequestsToo() {
        String path = "/api/settlements/" + UUID.randomUUID();
        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("consumer"))).exchange()
                .expectStatus().isForbidden();
        client.get().uri(path).exchange().expectStatus().isUnauthorized();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(linesFor(path)).hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("user=consumer", "status=403"))
                .anySatisfy(line -> assertThat(line).contains("user=anonymous", "status=401")));
    }

    @Test
    void logsTheStatusOfFailuresAnsweredByTheExceptionHandler() {
        String path = "/internal/" + UUID.randomUUID();
        client.get().uri(path).exchange().expectStatus().isNotFound();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(linesFor(path)).singleElement()
                .satisfies(line -> assertThat(line).contains("route=-", "status=404")));
    }

    @Test
    void exposesPublicHealthProbes() {
        // The whole health includes Redis, which may be down without harm (rate limits go to memory): the
        // probes leave it out, the overview only has to be public.
        client.get().uri("/actuator/health").exchange()
                .expectStatus().value(status -> assertThat(status).isIn(200, 503))
                .expectBody().jsonPath("$.status").value(status -> assertThat(status).isIn("UP", "DOWN"));
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void keepsOtherActuatorEndpointsClosed() {
        for (String endpoint : List.of("env", "metrics", "prometheus", "info", "configprops")) {
            expectProblem(client.get().uri("/actuator/" + endpoint).exchange(), 401, "unauthenticated");
            expectProblem(client.get().uri("/actuator/" + endpoint).header(HttpHeaders.AUTHORIZATION, bearer(tokenOf("admin")))
                    .exchange(), 403, "forbidden");
        }
    }

    private List<String> linesFor(String path) {
        List<ILoggingEvent> events;
        // Logback appends under the appender's lock; copy under it too.
        synchronized (accessLog) {
            events = List.copyOf(accessLog.list);
        }
        return events.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.contains(" path=" + path + " "))
                .toList();
    }
}
