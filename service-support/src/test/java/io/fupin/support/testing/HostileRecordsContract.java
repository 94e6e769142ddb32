package io.fupin.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentitySignature;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OWASP API10, unsafe consumption: what other services put on the topics a service reads is input like any other
 * ({@link HostileRecords}). A record that can never be read is dead-lettered and writes nothing; one that reads but
 * carries hostile values is applied as data or dead-lettered, and never holds its partition up (a valid event sent
 * after it is applied); nothing the service answers afterwards is a 5xx.
 * <p>
 * A service's test extends this under its own integration-test annotation (the service running on a random port,
 * its database, the embedded broker) and names only what is its own: the topics it reads, a valid event of each,
 * and the callers who then call every operation.
 */
public abstract class HostileRecordsContract {

    /** Tables a consumer writes whatever it reads: the outbox and the processed-event check. */
    private static final Set<String> QUIET = Set.of("EVENT_PUBLICATION", "processed_event");

    @Autowired
    private DataSource database;
    @Autowired
    private IdentitySignature signature;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;
    @LocalServerPort
    private int port;

    private final String service;
    private final Map<String, String> topics;
    private final Map<String, String> validTypes;
    private final List<Caller> callers;

    /**
     * @param service    the service's name, as its OpenAPI document is saved
     * @param topics     each topic the service reads, with the binary name of the sealed interface it reads the
     *                   topic's events into
     * @param validTypes per topic, the type of a valid event (one of the producer's samples) sent after the hostile ones
     * @param callers    the callers who call every operation once the records are read
     */
    protected HostileRecordsContract(String service, Map<String, String> topics, Map<String, String> validTypes,
            List<Caller> callers) {
        this.service = service;
        this.topics = Map.copyOf(topics);
        this.validTypes = Map.copyOf(validTypes);
        this.callers = List.copyOf(callers);
    }

    @Test
    void deadLettersWhatCannotBeReadAppliesTheRestAsDataAndNeverStopsOrAnswers5xx() throws Exception {
        HostileRecords.assertConsumerSurvives(brokers, database, QUIET, topics, validTypes);

        // What was applied is data: every operation, called once as it should be by each role, answers below 500.
        ApiFuzzer.Target target = new ApiFuzzer.Target(service + "-after-hostile-records",
                "http://127.0.0.1:" + port, signature, callers, Map.of(), database, QUIET);
        ApiFuzzer.Report report = ApiFuzzer.of(target, OpenApiDocument.of(service, port)).run(19, 1);
        assertThat(report.findings().stream().filter(f -> f.status() >= 500).map(Object::toString).toList()).isEmpty();
    }
}
