package io.fupin.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Requests are served on platform threads. With virtual threads, a service restarted under load (a livestream
 * crowd retrying, a fault run's kill -9) could stop answering for good: on 2 cores there are 2 carrier threads,
 * two requests loading classes for the first time blocked pinned (a native frame of class definition) on the
 * executable jar's lock, and the request holding that lock, unmounted on another monitor, never got a carrier back.
 * A service's integration test extends this under its own integration-test annotation.
 */
public abstract class RequestThreadsContract {

    @Autowired
    private WebServerApplicationContext context;

    @Test
    void requestsAreServedOnPlatformThreads() throws Exception {
        Executor executor = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector()
                .getProtocolHandler().getExecutor();
        CompletableFuture<Boolean> virtual = new CompletableFuture<>();
        executor.execute(() -> virtual.complete(Thread.currentThread().isVirtual()));
        assertThat(virtual.get(10, TimeUnit.SECONDS))
                .as("a request thread is virtual").isFalse();
    }
}
