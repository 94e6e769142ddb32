package io.fupin.catalog.web;

import io.fupin.support.problem.ProblemHandling;
import io.fupin.support.problem.ProblemType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * catalog-service's answers: every refusal as its problem (see {@link ProblemHandling}), a lost optimistic lock, and
 * the photo upload's multipart refusals, which Spring makes before any use case runs.
 */
@RestControllerAdvice
class CatalogProblemHandling extends ProblemHandling {

    private final DataSize maxFileSize;

    CatalogProblemHandling(@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail onConcurrentUpdate(OptimisticLockingFailureException ex) {
        return ProblemType.CONCURRENT_UPDATE.problem(
                "The product changed while this request was processed; read it again and retry.");
    }

    /** The multipart parser stops a photo past {@code spring.servlet.multipart.max-file-size} before it is read. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemType.PHOTO_TOO_LARGE.problem(
                "A product photo may be at most " + maxFileSize.toMegabytes() + " MB.");
        problem.setProperty("field", "file");
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(invalid(ex.getRequestPartName(), "is required"));
    }
}
