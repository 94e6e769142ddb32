package io.fupin.order.payment;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.time.Duration;
import java.util.Optional;

/** The provider could not be reached or refused a call; the caller tries again later. */
public class ProviderUnavailable extends Refusal {

    public ProviderUnavailable(String message, Throwable cause) {
        super(ProblemType.PROVIDER_UNAVAILABLE, message, cause);
    }

    /** The message names the provider's endpoint and its failure: the caller reads only that it may retry. */
    @Override
    protected String detail() {
        return "The payment provider cannot be reached right now; try again shortly.";
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofSeconds(10));
    }
}
