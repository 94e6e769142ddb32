package io.fupin.order.payment;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.time.LocalDate;

/** The provider's statement of a day has not been imported yet. */
public class StatementNotImported extends Refusal {

    StatementNotImported(LocalDate day) {
        super(ProblemType.NOT_FOUND, "The provider's statement of " + day + " has not been imported.");
    }
}
