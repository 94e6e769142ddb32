package io.fupin.catalog.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The price bands of the price facet, by lower edge in fen: under ¥20, ¥20–50, ¥50–100, ¥100–200, ¥200 and up.
 * A band's key ("2000-5000", "20000-") is also what the {@code price} filter takes.
 */
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

    /** "20元以下", "20–50元", "200元以上". */
    static String name(int band) {
        Long upper = upper(band);
        long from = EDGES.get(band) / 100;
        if (band == 0) {
            return upper / 100 + "元以下";
        }
        return upper == null ? from + "元以上" : from + "–" + upper / 100 + "元";
    }

    static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < EDGES.size(); i++) {
            keys.add(key(i));
        }
        return keys;
    }

    /** The band with this key, or -1. */
    static int byKey(String key) {
        return keys().indexOf(key.strip());
    }
}
