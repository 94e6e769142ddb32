package io.fupin.catalog.search;

import io.fupin.support.problem.InvalidInput;

/** Results are served up to the 10,000th; deeper pages are refused rather than scanned. */
public class PageTooDeep extends InvalidInput {

    public static final int MAX_WINDOW = 10_000;

    public PageTooDeep(int page, int size) {
        super("page", "page " + page + " of size " + size + " lies beyond the first " + MAX_WINDOW
                + " results; narrow the search");
    }
}
