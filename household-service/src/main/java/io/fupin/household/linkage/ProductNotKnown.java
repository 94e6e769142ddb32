package io.fupin.household.linkage;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** catalog-service has not yet announced the product, so nobody can be checked as its owner. */
public class ProductNotKnown extends Refusal {

    public ProductNotKnown(UUID productId) {
        super(ProblemType.PRODUCT_NOT_KNOWN, "Product " + productId + " is not known here yet: household-service "
                + "learns products from catalog-service's events, usually within seconds of listing. Try again shortly.");
    }
}
