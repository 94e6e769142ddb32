package io.fupin.settlement.resolution;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** No such paid line, household balance or write-off. */
public class ResolutionNotFound extends Refusal {

    ResolutionNotFound(String message) {
        super(ProblemType.NOT_FOUND, message);
    }
}
