package io.fupin.catalog.search;

/** Elasticsearch could not be reached for an operation that has no database fallback (a reindex). */
public class SearchUnavailable extends RuntimeException {

    public SearchUnavailable(Throwable cause) {
        super("The search cluster is not reachable: " + cause.getMessage(), cause);
    }
}
