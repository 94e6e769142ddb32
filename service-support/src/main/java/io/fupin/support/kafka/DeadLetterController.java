package io.fupin.support.kafka;

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
    @PreAuthorize("hasRole('ADMIN')")
    public Listing list(@RequestParam(defaultValue = "200") int limit) {
        return new Listing(deadLetters.outstanding(), deadLetters.list(Math.clamp(limit, 1, 10_000)));
    }

    @PostMapping("/replay")
    @PreAuthorize("hasRole('ADMIN')")
    public Replay replay() {
        return new Replay(deadLetters.replay());
    }
}
