package io.fupin.catalog.web;

import io.fupin.catalog.seller.DuplicateCreditCode;
import io.fupin.catalog.seller.SellerApplication;
import io.fupin.catalog.seller.SellerNotFound;
import io.fupin.support.problem.ProblemHandling;
import io.fupin.support.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class CatalogProblemHandling extends ProblemHandling {

    private final DataSize maxFileSize;

    CatalogProblemHandling(@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler({SellerNotFound.class, SellerApplication.NotFound.class, SellerApplication.NoGrant.class})
    ProblemDetail onNotFound(RuntimeException ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
    }

    /** The multipart parser stops a photo past {@code spring.servlet.multipart.max-file-size} before it is read. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "photo-too-large",
                "A product photo may be at most " + maxFileSize.toMegabytes() + " MB.");
        problem.setProperty("field", "file");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(invalid(ex.getRequestPartName(), "is required"));
    }

    @ExceptionHandler(DuplicateCreditCode.class)
    ProblemDetail onDuplicateCreditCode(DuplicateCreditCode ex) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "duplicate-credit-code", ex.getMessage());
        problem.setProperty("field", "creditCode");
        return problem;
    }

    @ExceptionHandler(SellerApplication.Pending.class)
    ProblemDetail onApplicationPending(SellerApplication.Pending ex) {
        return Problems.of(HttpStatus.CONFLICT, "application-pending", ex.getMessage());
    }

    @ExceptionHandler(SellerApplication.Decided.class)
    ProblemDetail onApplicationDecided(SellerApplication.Decided ex) {
        return Problems.of(HttpStatus.CONFLICT, "application-decided", ex.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail onConcurrentUpdate(OptimisticLockingFailureException ex) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-update",
                "The product changed while this request was processed; read it again and retry.");
    }

}
