package io.fupin.catalog.search;

import io.fupin.catalog.product.ProductCategory;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.fupin.catalog.product.ProductId;

/**
 * A search answer: one page of hits in the page shape every list answers, with the facets of all hits.
 * {@code degraded} is true when it came from MariaDB because Elasticsearch was away: the filters and facets are
 * the same; ranking is plainer and pinyin matches only whole runs.
 */
public record SearchResult(List<SearchItem> items, int page, int size, long totalItems, int totalPages,
        Page.Links links, Facets facets, boolean degraded) {

    static SearchResult of(List<SearchItem> items, long totalItems, Facets facets, boolean degraded, int page, int size) {
        Page<SearchItem> hits = Page.of(items, new PageRequest(page, size), totalItems);
        return new SearchResult(hits.items(), page, size, totalItems, hits.totalPages(), hits.links(), facets, degraded);
    }

    /** The same answer with its paging links made from the current request (the search itself may run elsewhere). */
    SearchResult linked() {
        return of(items, totalItems, facets, degraded, page, size);
    }

    /**
     * The same answer with each item's photo address. Photos live in MariaDB beside the products, not in the index,
     * so a new photo shows at once and degraded answers carry them too.
     */
    SearchResult withPhotoUrls(Map<ProductId, String> urls) {
        return new SearchResult(items.stream().map(i -> i.withPhotoUrl(urls.get(i.id()))).toList(), page, size,
                totalItems, totalPages, links, facets, degraded);
    }

    public record Facets(List<Bucket> category, List<Bucket> seller, List<Bucket> town, List<PriceBand> price) {
    }

    /**
     * One facet value: {@code key} is what the matching filter takes, {@code name} what to show (the category's
     * Chinese name, the seller's name, the town).
     */
    public record Bucket(String key, String name, long count) {
    }

    /** {@code key} is what the {@code price} filter takes; {@code toFen} is exclusive and absent for the top band. */
    public record PriceBand(String key, String name, Long fromFen, Long toFen, long count) {
    }

    /** Facets from counts per key (category, seller with its name, town) and per price band. */
    static Facets facets(Map<String, List<Bucket>> buckets, List<Long> bandCounts) {
        List<PriceBand> bands = new ArrayList<>();
        for (int i = 0; i < PriceBands.EDGES.size(); i++) {
            bands.add(new PriceBand(PriceBands.key(i), PriceBands.name(i), PriceBands.EDGES.get(i), PriceBands.upper(i),
                    i < bandCounts.size() ? bandCounts.get(i) : 0));
        }
        List<Bucket> categories = buckets.getOrDefault("category", List.of()).stream()
                .map(b -> new Bucket(b.key(), categoryName(b.key()), b.count())).toList();
        List<Bucket> towns = buckets.getOrDefault("town", List.of()).stream()
                .map(b -> new Bucket(b.key(), b.key(), b.count())).toList();
        return new Facets(categories, buckets.getOrDefault("seller", List.of()), towns, bands);
    }

    private static String categoryName(String key) {
        try {
            return ProductCategory.valueOf(key).displayName();
        } catch (IllegalArgumentException unknown) {
            return key;
        }
    }
}
