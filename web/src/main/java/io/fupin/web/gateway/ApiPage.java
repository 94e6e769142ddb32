package io.fupin.web.gateway;

import java.util.List;

/** One page of any list of the API, in the page shape they all answer. */
public record ApiPage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public ApiPage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean hasNext() {
        return page + 1 < totalPages;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
