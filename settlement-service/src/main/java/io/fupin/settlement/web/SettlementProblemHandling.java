package io.fupin.settlement.web;

import io.fupin.settlement.intake.OrderIntake;
import io.fupin.support.problem.ProblemHandling;
import io.fupin.support.problem.Problems;
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
}
