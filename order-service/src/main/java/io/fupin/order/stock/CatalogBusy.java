package io.fupin.order.stock;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.time.Duration;
import java.util.Optional;

/**
 * Catalog is serving as many reservation calls from this instance as it has room for, and this one did not get its
 * turn within {@code resilience4j.bulkhead.instances.catalog.max-wait-duration}: refused before anything was sent or
 * stored, so that overload is turned away here, cheaply, instead of timing out inside catalog.
 */
public class CatalogBusy extends Refusal {

    CatalogBusy(Throwable cause) {
        super(ProblemType.TOO_MANY_REQUESTS, "catalog-service is busy", cause);
    }

    @Override
    protected String detail() {
        return "Too many orders are being placed right now; nothing was stored. Retry with the same Idempotency-Key.";
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofSeconds(1));
    }
}
