package io.fupin.catalog.search;

import io.fupin.support.problem.ProblemType;
import io.fupin.support.problem.Refusal;

/** A reindex was asked for while this instance was still building one; the running one will do. */
public class ReindexRunning extends Refusal {

    public ReindexRunning() {
        super(ProblemType.REINDEX_RUNNING,
                "A reindex is already running; the index it builds will hold every product.");
    }
}
