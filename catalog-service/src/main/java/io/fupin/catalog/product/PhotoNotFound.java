package io.fupin.catalog.product;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** The product exists but has no uploaded photo (pages show its category's picture). */
public class PhotoNotFound extends Refusal {

    PhotoNotFound(UUID productId) {
        super(ProblemType.NOT_FOUND, "Product " + productId + " has no photo.");
    }
}
