package io.fupin.catalog.search;

import io.fupin.catalog.product.ProductCategory;
import io.fupin.catalog.product.ProductQueries;
import java.util.UUID;

/** What a consumer asks for; {@code q} is null or non-blank. */
record SearchQuery(String q, ProductCategory category, UUID sellerId, String town, Long minPriceFen, Long maxPriceFen,
        Sort sort, int page, int size) {

    enum Sort {
        RELEVANCE, NEWEST, PRICE_ASC, PRICE_DESC
    }

    /** Relevance only means something with words to match; without, newest first. */
    Sort effectiveSort() {
        return sort == Sort.RELEVANCE && q == null ? Sort.NEWEST : sort;
    }

    ProductQueries.Filter filter() {
        return new ProductQueries.Filter(q, category, sellerId, town, minPriceFen, maxPriceFen);
    }
}
