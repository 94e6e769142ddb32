package io.fupin.web.storefront;

import java.util.UUID;

/** The search page's query string: words (Chinese or pinyin), facets, sort and page. */
public record SearchForm(String q, String category, String town, UUID seller, String price, String sort, Integer page) {

    public SearchForm {
        page = page == null || page < 0 ? 0 : page;
    }

    /** The seller filter as the facet names it (templates may not call methods of {@link UUID}). */
    public String sellerKey() {
        return seller == null ? "" : seller.toString();
    }

    public boolean hasQuery() {
        return q != null && !q.isBlank();
    }

    public boolean hasFilter() {
        return (category != null && !category.isBlank()) || (town != null && !town.isBlank()) || seller != null
                || PriceBand.of(price) != null;
    }
}
