package io.fupin.catalog.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A search answer. {@code degraded} is true when it came from MariaDB because Elasticsearch was away: the
 * filters and facets are the same; ranking is plainer and pinyin matches only whole runs.
 */
public record SearchResult(List<SearchItem> items, long total, Facets facets, boolean degraded, int page, int size) {

    public record Facets(List<Bucket> category, List<Bucket> seller, List<Bucket> town, List<PriceBand> price) {
    }

    /** {@code name} is the seller's name in the seller facet, absent elsewhere. */
    public record Bucket(String key, String name, long count) {
    }

    public record PriceBand(String key, Long fromFen, Long toFen, long count) {
    }

    static Facets facets(Map<String, List<Bucket>> buckets, List<Long> bandCounts) {
        List<PriceBand> bands = new ArrayList<>();
        for (int i = 0; i < PriceBands.EDGES.size(); i++) {
            bands.add(new PriceBand(PriceBands.key(i), PriceBands.EDGES.get(i), PriceBands.upper(i),
                    i < bandCounts.size() ? bandCounts.get(i) : 0));
        }
        return new Facets(buckets.getOrDefault("category", List.of()), buckets.getOrDefault("seller", List.of()),
                buckets.getOrDefault("town", List.of()), bands);
    }
}
