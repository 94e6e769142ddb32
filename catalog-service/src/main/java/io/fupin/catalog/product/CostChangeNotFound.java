package io.fupin.catalog.product;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** There is no such cost change. */
public class CostChangeNotFound extends Refusal {

    public CostChangeNotFound(UUID id) {
        super(ProblemType.NOT_FOUND, "There is no cost change " + id + ".");
    }
}
