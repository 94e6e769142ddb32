package io.fupin.catalog.seller;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** There is no such seller. */
public class SellerNotFound extends Refusal {

    public SellerNotFound(UUID id) {
        super(ProblemType.NOT_FOUND, "There is no seller " + id + ".");
    }
}
