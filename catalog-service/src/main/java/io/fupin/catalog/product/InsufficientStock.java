package io.fupin.catalog.product;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** A write-off larger than the stock on hand. */
public class InsufficientStock extends Refusal {

    public InsufficientStock(UUID productId, int delta) {
        super(ProblemType.INSUFFICIENT_STOCK, "Product " + productId + " does not have " + Math.negateExact(delta)
                + " units on hand to write off.");
    }
}
