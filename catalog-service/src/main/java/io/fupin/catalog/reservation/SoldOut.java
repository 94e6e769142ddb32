package io.fupin.catalog.reservation;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;
import java.util.Map;
import io.fupin.catalog.product.ProductId;

/** Not enough stock (or the product is not on sale) for one of the lines: nothing was reserved. */
public class SoldOut extends Refusal {

    private final ProductId productId;

    public SoldOut(ProductId productId) {
        super(ProblemType.SOLD_OUT, "Product " + productId.value() + " does not have the requested quantity on sale.");
        this.productId = productId;
    }

    public ProductId productId() {
        return productId;
    }

    /** The product that sold out, so that the buyer's page can mark it. */
    @Override
    protected Map<String, Object> properties() {
        return Map.of("productId", productId.value());
    }
}
