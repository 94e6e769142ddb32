package io.fupin.catalog.search;

import java.util.List;

/** The price bands of the price facet, by lower edge in fen: under ¥20, ¥20–50, ¥50–100, ¥100–200, ¥200 and up. */
final class PriceBands {

    static final List<Long> EDGES = List.of(0L, 2_000L, 5_000L, 10_000L, 20_000L);

    private PriceBands() {
    }

    static Long upper(int band) {
        return band + 1 < EDGES.size() ? EDGES.get(band + 1) : null;
    }

    static String key(int band) {
        Long upper = upper(band);
        return EDGES.get(band) + "-" + (upper == null ? "" : upper);
    }
}
