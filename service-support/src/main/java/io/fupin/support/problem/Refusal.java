package io.fupin.support.problem;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ProblemDetail;

/**
 * A use case saying no: the request is refused as a problem of one {@link ProblemType}, with the exception's
 * message as its detail. The feature that refuses declares its own subclass beside the code that throws it;
 * {@link ProblemHandling} answers every one of them, so no service maps its exceptions one by one.
 */
public abstract class Refusal extends RuntimeException {

    private final ProblemType type;

    protected Refusal(ProblemType type, String message) {
        super(message);
        this.type = type;
    }

    protected Refusal(ProblemType type, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    /** The problem this refusal is answered with. */
    public ProblemDetail problem() {
        ProblemDetail problem = type.problem(detail());
        properties().forEach(problem::setProperty);
        return problem;
    }

    /** What the caller reads; the message unless it holds more than the caller may see. */
    protected String detail() {
        return getMessage();
    }

    /** Extension members beside the standard ones, e.g. the product that sold out. */
    protected Map<String, Object> properties() {
        return Map.of();
    }

    /** When a caller may try again; answered as {@code Retry-After} in seconds. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
