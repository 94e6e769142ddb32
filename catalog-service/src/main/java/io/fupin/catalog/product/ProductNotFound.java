package io.fupin.catalog.product;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** There is no such product. */
public class ProductNotFound extends Refusal {

    public ProductNotFound(ProductId id) {
        super(ProblemType.NOT_FOUND, "There is no product " + id.value() + ".");
    }
}
