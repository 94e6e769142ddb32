package io.fupin.settlement.web;

import io.fupin.support.problem.ProblemHandling;
import io.fupin.support.problem.ProblemType;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** settlement-service's answers: every refusal as its problem (see {@link ProblemHandling}), and a lost optimistic lock. */
@RestControllerAdvice
class SettlementProblemHandling extends ProblemHandling {

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail onConcurrentChange(OptimisticLockingFailureException ex) {
        return ProblemType.CONCURRENT_CHANGE.problem(
                "Someone else changed this at the same moment; reload it and try again.");
    }
}
