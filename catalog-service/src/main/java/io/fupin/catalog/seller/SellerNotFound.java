package io.fupin.catalog.seller;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** There is no such seller. */
public class SellerNotFound extends Refusal {

    public SellerNotFound(SellerId id) {
        super(ProblemType.NOT_FOUND, "There is no seller " + id.value() + ".");
    }
}
