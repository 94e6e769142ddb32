package io.fupin.household.linkage;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** Another first version of the same product's linkage committed in between. */
public class ConcurrentDeclaration extends Refusal {

    public ConcurrentDeclaration() {
        super(ProblemType.CONCURRENT_DECLARATION,
                "Another version was declared at the same time; reload and try again.");
    }
}
