package io.fupin.catalog.product;

import io.fupin.support.problem.InvalidInput;

/** The declared cost takes more of the price than the category allows ({@link CostCaps}). */
public class CostAboveCap extends InvalidInput {

    CostAboveCap(ProductCategory category, int percent, long priceFen, long costFen) {
        super("costFen", "costFen " + costFen + " is more than " + percent + "% of priceFen " + priceFen
                + ", the most a " + category + " product's pass-through cost may take");
    }
}
