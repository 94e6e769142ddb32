package io.fupin.order.stock;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** Catalog refused the request for a reason other than stock (e.g. an unknown product). */
public class CatalogRefused extends Refusal {

    private final int status;

    CatalogRefused(int status, String detail) {
        super(status == 404 ? ProblemType.UNKNOWN_PRODUCT : ProblemType.ORDER_REFUSED, detail);
        this.status = status;
    }

    /** The status catalog answered with. */
    public int status() {
        return status;
    }

    /** The message is catalog's own answer: the buyer reads what it means for the order. */
    @Override
    protected String detail() {
        return status == 404 ? "An ordered product does not exist." : "The catalog refused this order.";
    }
}
