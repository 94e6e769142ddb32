package io.fupin.catalog.search;

/** A reindex was asked for while this instance was still building one; the running one will do. */
public class ReindexRunning extends RuntimeException {

    public ReindexRunning() {
        super("A reindex is already running; the index it builds will hold every product.");
    }
}
