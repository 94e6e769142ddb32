package io.fupin.catalog.product;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** A product has a cost change waiting for an official already; a second one would race it. */
public class CostChangePending extends Refusal {

    public CostChangePending(ProductId productId) {
        super(ProblemType.COST_CHANGE_PENDING,
                "Product " + productId.value()
                        + " already has a cost change waiting for an official; wait for the decision.");
    }
}
