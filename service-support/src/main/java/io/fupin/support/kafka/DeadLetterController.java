package io.fupin.support.kafka;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators list and replay the service's dead letters, under the path the service names in
 * {@code fupin.events.dead-letters.path} (inside its own {@code /api/...} prefix, so the gateway routes it).
 */
@RestController
@RequestMapping("${fupin.events.dead-letters.path}")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    public record Listing(Map<String, Long> outstanding, List<DeadLetters.DeadLetter> deadLetters) {
    }

    public record Replay(long replayed) {
    }

    @GetMapping
    @Operation(summary = "Administrators: the dead letters of the topics this service consumes",
            description = "Per dead-letter topic, how many records are not replayed yet, and the latest `limit` records "
                    + "of each partition (1 to 10,000, default 200), oldest first, with the reason each could not be "
                    + "read; never the record's value.")
    @PreAuthorize("hasRole('ADMIN')")
    public Listing list(@RequestParam(defaultValue = "200") int limit) {
        return new Listing(deadLetters.outstanding(), deadLetters.list(Math.clamp(limit, 1, 10_000)));
    }

    @PostMapping("/replay")
    @Operation(summary = "Administrators: send every outstanding dead letter back to its original topic",
            description = "Each record goes back unchanged (topic, key, value); consumers skip an event they have "
                    + "applied, so replaying twice is safe. Answers how many records were sent.")
    @PreAuthorize("hasRole('ADMIN')")
    public Replay replay() {
        return new Replay(deadLetters.replay());
    }
}
