package io.fupin.catalog.reservation;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.Map;
import java.util.UUID;

/** Not enough stock (or the product is not on sale) for one of the lines: nothing was reserved. */
public class SoldOut extends Refusal {

    private final UUID productId;

    public SoldOut(UUID productId) {
        super(ProblemType.SOLD_OUT, "Product " + productId + " does not have the requested quantity on sale.");
        this.productId = productId;
    }

    public UUID productId() {
        return productId;
    }

    /** The product that sold out, so that the buyer's page can mark it. */
    @Override
    protected Map<String, Object> properties() {
        return Map.of("productId", productId);
    }
}
