package io.fupin.household.web;

import io.fupin.support.problem.ProblemHandling;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class HouseholdProblemHandling extends ProblemHandling {
}
