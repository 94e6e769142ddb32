package io.fupin.household.web;

import io.fupin.support.problem.ProblemHandling;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * household-service's answers: every refusal of its features as the problem of its type (see {@link ProblemHandling});
 * the service has no framework exception of its own to add.
 */
@RestControllerAdvice
class HouseholdProblemHandling extends ProblemHandling {
}
