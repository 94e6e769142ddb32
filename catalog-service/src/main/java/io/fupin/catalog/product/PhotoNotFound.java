package io.fupin.catalog.product;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** The product exists but has no uploaded photo (pages show its category's picture). */
public class PhotoNotFound extends Refusal {

    PhotoNotFound(ProductId productId) {
        super(ProblemType.NOT_FOUND, "Product " + productId.value() + " has no photo.");
    }
}
