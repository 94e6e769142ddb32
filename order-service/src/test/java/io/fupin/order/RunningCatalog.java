package io.fupin.order;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The real catalog-service, started once per test JVM from its jar, with a database of its own: order-service's
 * integration tests reserve stock against it over HTTP exactly as in production.
 */
public final class RunningCatalog {

    public static final String SECRET = "integration-test-secret-0123456789abcdef";

    private static RunningCatalog instance;

    private final Process process;
    private final int port;
    private final String url;

    private RunningCatalog(Process process, int port) {
        this.process = process;
        this.port = port;
        this.url = "http://127.0.0.1:" + port;
    }

    public static synchronized RunningCatalog get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.process::destroy));
        }
        return instance;
    }

    public String url() {
        return url;
    }

    /** Stops the catalog (as a crash would); {@link #get()} starts a fresh one afterwards. */
    public static synchronized void stop() throws InterruptedException {
        if (instance != null) {
            instance.process.destroyForcibly().waitFor();
            instance = null;
        }
    }

    /**
     * Kills the catalog ({@code kill -9}) and starts it again on the same port once {@code whileDown} has run, so
     * that order-service, which keeps the address it started with, reaches it again.
     */
    public static synchronized void crashDuring(Runnable whileDown) throws InterruptedException {
        RunningCatalog running = get();
        running.process.destroyForcibly().waitFor();
        try {
            whileDown.run();
        } finally {
            instance = start(running.port);
            Runtime.getRuntime().addShutdownHook(new Thread(instance.process::destroy));
        }
    }

    private static RunningCatalog start() {
        return start(freePort());
    }

    private static RunningCatalog start(int port) {
        String jar = System.getProperty("catalog.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("catalog-service jar not found at " + jar + "; build catalog-service first");
        }
        try {
            Path log = Files.createDirectories(Path.of("target")).resolve("catalog-service-under-test.log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/catalog_for_orders_test" + System.getenv().getOrDefault("FUPIN_TEST_DB_SUFFIX", "") + "?createDatabaseIfNotExist=true");
            env.put("MYSQL_USER", "root");
            env.put("MYSQL_PASSWORD", "");
            env.put("KAFKA_BOOTSTRAP_SERVERS", System.getProperty("spring.embedded.kafka.brokers", "127.0.0.1:9"));
            env.put("ELASTICSEARCH_URL", "http://127.0.0.1:9");
            env.put("FUPIN_IDENTITY_SECRET", SECRET);
            Process process = builder.start();
            awaitLive(process, "http://127.0.0.1:" + port, log);
            return new RunningCatalog(process, port);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start catalog-service", e);
        }
    }

    private static final Duration STARTUP = Duration.ofSeconds(300);

    private static void awaitLive(Process process, String url, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        // Generous: on a shared, overloaded build machine the jar alone can take minutes to start.
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("catalog-service exited; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/liveness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                process.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("catalog-service did not come up within " + STARTUP.toSeconds() + " s; see "
                + log.toAbsolutePath());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
