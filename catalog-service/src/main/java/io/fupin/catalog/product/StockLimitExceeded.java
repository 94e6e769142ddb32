package io.fupin.catalog.product;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.UUID;

/** A restock that would take the stock past what one product may hold. */
public class StockLimitExceeded extends Refusal {

    public StockLimitExceeded(UUID productId, int delta) {
        super(ProblemType.STOCK_LIMIT, "Adding " + delta + " units would take product " + productId + " past "
                + ProductRules.MAX_STOCK + " units on hand.");
    }
}
