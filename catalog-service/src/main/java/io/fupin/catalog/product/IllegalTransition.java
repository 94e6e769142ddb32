package io.fupin.catalog.product;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** The product is not in a state that allows this step. */
public class IllegalTransition extends Refusal {

    IllegalTransition(ProductId id, ProductStatus status, String action) {
        super(ProblemType.ILLEGAL_TRANSITION,
                "Cannot " + action + " product " + id.value() + " while it is " + status + ".");
    }
}
