package io.fupin.order.stock;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.time.Duration;
import java.util.Optional;

/** Catalog cannot answer now (after retries, or with the circuit open); nothing was stored. */
public class CatalogUnavailable extends Refusal {

    CatalogUnavailable(Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, "catalog-service is unavailable", cause);
    }

    @Override
    protected String detail() {
        return "Stock cannot be reserved right now; nothing was stored. Retry with the same Idempotency-Key.";
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofSeconds(5));
    }
}
