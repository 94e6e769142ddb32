package io.fupin.support.kafka;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Shows the outstanding dead letters per topic. Always UP: a dead letter needs an administrator, not a
 * restart, so it is no part of readiness or liveness.
 */
public class DeadLettersHealthIndicator implements HealthIndicator {

    private final DeadLetters deadLetters;

    public DeadLettersHealthIndicator(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetails(deadLetters.outstanding()).build();
        } catch (RuntimeException e) {
            return Health.up().withDetail("unknown", e.getMessage()).build();
        }
    }
}
