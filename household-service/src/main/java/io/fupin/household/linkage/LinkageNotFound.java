package io.fupin.household.linkage;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** A product has no linkage, or none in force at the time asked about. */
public class LinkageNotFound extends Refusal {

    private LinkageNotFound(String message) {
        super(ProblemType.NOT_FOUND, message);
    }

    static LinkageNotFound none(UUID productId) {
        return new LinkageNotFound("Product " + productId + " has no linkage.");
    }

    static LinkageNotFound noneInForce(UUID productId) {
        return new LinkageNotFound("Product " + productId + " has no linkage in force.");
    }

    static LinkageNotFound noVersionInForceThen(UUID productId) {
        return new LinkageNotFound("No version of product " + productId + "'s linkage is in force then.");
    }
}
