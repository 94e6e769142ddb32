package io.fupin.settlement.resolution;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** The line, household or write-off is not in a state that allows this; nothing was changed. */
public class ResolutionRefused extends Refusal {

    ResolutionRefused(ProblemType type, String message) {
        super(type, message);
    }
}
