package io.fupin.catalog.product;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** A restock that would take the stock past what one product may hold. */
public class StockLimitExceeded extends Refusal {

    public StockLimitExceeded(ProductId productId, int delta) {
        super(ProblemType.STOCK_LIMIT, "Adding " + delta + " units would take product " + productId.value() + " past "
                + ProductRules.MAX_STOCK + " units on hand.");
    }
}
