package io.fupin.catalog.product;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** A write-off larger than the stock on hand. */
public class InsufficientStock extends Refusal {

    public InsufficientStock(ProductId productId, int delta) {
        super(ProblemType.INSUFFICIENT_STOCK, "Product " + productId.value() + " does not have " + Math.negateExact(delta)
                + " units on hand to write off.");
    }
}
