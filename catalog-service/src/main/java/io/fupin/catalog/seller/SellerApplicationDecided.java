package io.fupin.catalog.seller;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** An application is decided once. */
public class SellerApplicationDecided extends Refusal {

    SellerApplicationDecided(UUID id, SellerApplication.Status status) {
        super(ProblemType.APPLICATION_DECIDED, "Seller application " + id + " is already " + status + ".");
    }
}
