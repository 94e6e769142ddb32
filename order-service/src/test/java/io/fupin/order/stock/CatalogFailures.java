package io.fupin.order.stock;

import java.net.SocketTimeoutException;

/** The failures of calls to catalog, for tests of the code that answers them. */
public final class CatalogFailures {

    private CatalogFailures() {
    }

    /** A reservation call that got no answer in time. */
    public static CatalogUnavailable unavailable() {
        return new CatalogUnavailable(new SocketTimeoutException("Read timed out"));
    }

    /** A reservation catalog refused: a line cannot be covered. */
    public static CatalogStock.SoldOut soldOut() {
        return new CatalogStock.SoldOut("{\"type\":\"https://fupin.market/problems/sold-out\"}");
    }

    /** A reservation call that did not get its turn. */
    public static CatalogBusy busy() {
        return new CatalogBusy(null);
    }
}
