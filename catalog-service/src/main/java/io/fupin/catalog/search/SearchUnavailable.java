package io.fupin.catalog.search;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** Elasticsearch could not be reached for an operation that has no database fallback (a reindex). */
public class SearchUnavailable extends Refusal {

    public SearchUnavailable(Throwable cause) {
        super(ProblemType.SEARCH_UNAVAILABLE, "The search cluster is not reachable: " + cause.getMessage(), cause);
    }
}
