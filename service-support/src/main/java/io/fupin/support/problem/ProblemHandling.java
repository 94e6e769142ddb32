package io.fupin.support.problem;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Callers;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The problem+json answers every service shares: validation naming each offending field, unreadable
 * bodies, forbidden callers, every {@link Refusal} of a use case, and a 500 that says nothing internal. Each
 * service's one {@code @RestControllerAdvice} extends this and adds only what its refusals cannot say (a framework
 * exception of its own, such as an optimistic lock that lost).
 */
public abstract class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    /** One offending field: its path in the request and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(fields));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(fields));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(ex.getParameterName(), "is required"));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException header) {
            return ResponseEntity.badRequest().body(invalid(header.getHeaderName(), "is required"));
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    /**
     * The answers Spring MVC builds on its own (405, 406, 415, 404 ...) name no type; they get one derived
     * from their status, so that every problem carries type, title, status and detail.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || Problems.BLANK_TYPE.equals(problem.getType()))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            if (status != null) {
                problem.setType(Problems.typeOf(Problems.slugOf(status)));
                problem.setTitle(status.getReasonPhrase());
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(ProblemType.MALFORMED_REQUEST.problem(
                "The request body is not valid JSON of the expected shape."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail onTypeMismatch(MethodArgumentTypeMismatchException ex) {
        return invalid(List.of(new FieldProblem(ex.getName(), "has an invalid value")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail onConstraintViolation(ConstraintViolationException ex) {
        return invalid(ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList());
    }

    /** Every refusal of a use case, as the problem its type names (with {@code Retry-After} when it says when). */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> onRefusal(Refusal refusal) {
        ProblemDetail problem = refusal.problem();
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
        refusal.retryAfter().ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds())));
        return answer.body(problem);
    }

    /** A rule of method security said no: 401 to a visitor without a token, 403 to anyone else. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail onDenied(AccessDeniedException ex) {
        if (Callers.current().map(Caller::isAnonymous).orElse(true)) {
            return unauthenticated();
        }
        return ProblemType.FORBIDDEN.problem(
                "Your role or account may not do this (or this belongs to someone else).");
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail onUnauthenticated(AuthenticationException ex) {
        return unauthenticated();
    }

    private static ProblemDetail unauthenticated() {
        return ProblemType.UNAUTHENTICATED.problem("This needs a signed-in caller.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail onUnexpected(Exception ex) {
        log.error("Unexpected failure", ex);
        return ProblemType.INTERNAL_ERROR.problem(
                "Something went wrong on our side; nothing was changed by this request.");
    }

    /** A 400 naming each offending field. */
    public static ProblemDetail invalid(List<FieldProblem> fields) {
        String detail = fields.isEmpty() ? "The request is invalid."
                : "Invalid " + String.join(", ", fields.stream().map(FieldProblem::field).distinct().toList()) + ".";
        ProblemDetail problem = ProblemType.INVALID_REQUEST.problem(detail);
        problem.setProperty("errors", fields);
        return problem;
    }

    /** A 400 for one field, for checks made outside bean validation. */
    public static ProblemDetail invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    protected static ProblemDetail withProperties(ProblemDetail problem, Map<String, Object> properties) {
        properties.forEach(problem::setProperty);
        return problem;
    }
}
