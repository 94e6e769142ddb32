package io.fupin.settlement.web;

import io.fupin.settlement.intake.OrderIntake;
import io.fupin.settlement.payout.BatchConflict;
import io.fupin.settlement.payout.InvalidPeriod;
import io.fupin.settlement.payout.NotFound;
import io.fupin.settlement.payout.OrdersDiffer;
import io.fupin.settlement.payout.UnknownFailedLines;
import io.fupin.settlement.resolution.InvalidResolution;
import io.fupin.settlement.resolution.ResolutionNotFound;
import io.fupin.settlement.resolution.ResolutionRefused;
import io.fupin.support.problem.ProblemHandling;
import io.fupin.support.problem.Problems;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class SettlementProblemHandling extends ProblemHandling {

    @ExceptionHandler(OrderIntake.OrderNotRecorded.class)
    ProblemDetail onNotRecorded(OrderIntake.OrderNotRecorded ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail onNotFound(NotFound ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
    }

    @ExceptionHandler(BatchConflict.class)
    ProblemDetail onConflict(BatchConflict ex) {
        return Problems.of(HttpStatus.CONFLICT, ex.reason(), ex.getMessage());
    }

    /** Names every differing figure: day, order, order-service's and settlement's amounts and the difference. */
    @ExceptionHandler(OrdersDiffer.class)
    ProblemDetail onOrdersDiffer(OrdersDiffer ex) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "orders-differ", ex.getMessage());
        problem.setProperty("mismatches", ex.mismatches());
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail onConcurrentChange(OptimisticLockingFailureException ex) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-change",
                "Someone else changed this at the same moment; reload it and try again.");
    }

    @ExceptionHandler(InvalidPeriod.class)
    ProblemDetail onInvalidPeriod(InvalidPeriod ex) {
        return invalid(ex.field(), ex.getMessage());
    }

    @ExceptionHandler(UnknownFailedLines.class)
    ProblemDetail onUnknownFailed(UnknownFailedLines ex) {
        return invalid("failedHouseholdIds", ex.getMessage());
    }

    @ExceptionHandler(ResolutionNotFound.class)
    ProblemDetail onResolutionNotFound(ResolutionNotFound ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
    }

    @ExceptionHandler(ResolutionRefused.class)
    ProblemDetail onResolutionRefused(ResolutionRefused ex) {
        return Problems.of(HttpStatus.CONFLICT, ex.reason(), ex.getMessage());
    }

    @ExceptionHandler(InvalidResolution.class)
    ProblemDetail onInvalidResolution(InvalidResolution ex) {
        return invalid(ex.field(), ex.getMessage());
    }
}
