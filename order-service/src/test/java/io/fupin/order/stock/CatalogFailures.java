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

    /** A reservation call that did not get its turn. */
    public static CatalogBusy busy() {
        return new CatalogBusy(null);
    }
}
