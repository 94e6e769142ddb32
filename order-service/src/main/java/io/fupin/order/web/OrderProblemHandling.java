package io.fupin.order.web;

import io.fupin.support.problem.ProblemHandling;
import io.fupin.support.problem.ProblemType;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** order-service's answers: every refusal as its problem (see {@link ProblemHandling}), and a lost optimistic lock. */
@RestControllerAdvice
class OrderProblemHandling extends ProblemHandling {

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail onConcurrentChange(OptimisticLockingFailureException ex) {
        return ProblemType.CONCURRENT_CHANGE.problem(
                "The order changed while this request was handled; read it again and retry.");
    }
}
