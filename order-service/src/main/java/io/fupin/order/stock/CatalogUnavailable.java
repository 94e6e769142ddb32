package io.fupin.order.stock;

import io.fupin.order.idempotency.ClaimedId;
import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.time.Duration;
import java.util.Optional;

/** Catalog cannot answer now (after retries, or with the circuit open); nothing was stored. */
public class CatalogUnavailable extends Refusal implements ClaimedId.Spender {

    private final boolean nothingHeld;

    CatalogUnavailable(Throwable cause) {
        this(cause, false);
    }

    private CatalogUnavailable(Throwable cause, boolean nothingHeld) {
        super(ProblemType.SERVICE_UNAVAILABLE, "catalog-service is unavailable", cause);
        this.nothingHeld = nothingHeld;
    }

    /**
     * The same failure, once catalog has confirmed that it holds nothing under the order id and never will (its
     * reservation, if the call made one, was released): the id may be given up and a retry placed under a new one.
     */
    public CatalogUnavailable withNothingHeld() {
        return new CatalogUnavailable(getCause(), true);
    }

    public boolean nothingHeld() {
        return nothingHeld;
    }

    /** Nothing held under the order id, nor ever will be: its Idempotency-Key resumes under a new one. */
    @Override
    public boolean spentClaimedId() {
        return nothingHeld;
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
