package io.fupin.web.orders;

import java.util.List;

/** One page of the buyer's orders, in the page shape every list of the API answers. */
public record OrderPage(List<Order> items, int page, int size, long totalItems, int totalPages) {

    public boolean hasNext() {
        return page + 1 < totalPages;
    }
}
