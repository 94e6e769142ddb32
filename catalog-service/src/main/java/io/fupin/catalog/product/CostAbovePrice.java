package io.fupin.catalog.product;

import io.fupin.support.problem.InvalidInput;

/** The declared pass-through cost may never exceed the price: the difference belongs to households. */
public class CostAbovePrice extends InvalidInput {

    CostAbovePrice(long costFen, long priceFen) {
        super("costFen", "costFen " + costFen + " exceeds priceFen " + priceFen);
    }
}
