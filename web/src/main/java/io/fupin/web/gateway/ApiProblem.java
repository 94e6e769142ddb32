package io.fupin.web.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A 4xx problem+json answer of the API.
 *
 * @param type       the last segment of the problem's {@code type} URI, e.g. {@code sold-out}
 * @param errors     the offending fields of a 400, as the service named them (e.g. {@code delivery.mobile})
 * @param retryAfter how long the answer's {@code Retry-After} asked to wait (a 429), else null
 */
public class ApiProblem extends RuntimeException {

    /** {@code line}: the line of an uploaded file the error is on (a household import), else null. */
    public record FieldError(String field, String message, Integer line) {

        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }

    private final int status;
    private final String type;
    private final String detail;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    public ApiProblem(int status, String type, String detail, List<FieldError> errors) {
        this(status, type, detail, errors, null);
    }

    public ApiProblem(int status, String type, String detail, List<FieldError> errors, Duration retryAfter) {
        super(status + " " + type + ": " + detail);
        this.status = status;
        this.type = type;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /**
     * A 429: the API was too busy to take the request (a rate limit, or order-service's room for reservations full
     * in a livestream rush) and refused it before doing anything, so the same request may simply be sent again.
     */
    public boolean busy() {
        return status == 429;
    }

    /** How many whole seconds to wait before sending it again: the answer's {@code Retry-After}, at least 1. */
    public long retryAfterSeconds() {
        return retryAfter == null ? 1 : Math.max(1, retryAfter.toSeconds());
    }

    /** The message for a field whose name ends with {@code field} ({@code mobile} matches {@code delivery.mobile}). */
    public Optional<String> errorFor(String field) {
        return errors.stream()
                .filter(e -> e.field() != null && (e.field().equals(field) || e.field().endsWith("." + field)))
                .map(FieldError::message)
                .findFirst();
    }

    /** Whether a field (matched as in {@link #errorFor}) was refused: what a form marks {@code aria-invalid}. */
    public boolean has(String field) {
        return errorFor(field).isPresent();
    }
}
