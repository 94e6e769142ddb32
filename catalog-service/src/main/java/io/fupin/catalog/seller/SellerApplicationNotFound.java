package io.fupin.catalog.seller;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** There is no such seller application. */
public class SellerApplicationNotFound extends Refusal {

    SellerApplicationNotFound(UUID id) {
        super(ProblemType.NOT_FOUND, "No seller application " + id + ".");
    }
}
