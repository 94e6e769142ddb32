package io.fupin.catalog.search;

import io.fupin.catalog.product.ChineseScript;
import io.fupin.catalog.product.ProductCategory;
import io.fupin.catalog.product.ProductQueries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a consumer asks for. {@code text} is what was typed, made comparable with the index (null without a
 * query); {@code town} is in simplified characters; the price limits are inclusive.
 */
record SearchQuery(ShopperText text, ProductCategory category, UUID sellerId, String town, Long minPriceFen,
        Long maxPriceFen, Sort sort, int page, int size) {

    enum Sort {
        RELEVANCE, NEWEST, PRICE_ASC, PRICE_DESC;

        static List<String> names() {
            return Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
        }
    }

    /** The request's parameters as typed; null or blank means "any". */
    record Parameters(String q, String category, UUID sellerId, String town, Long minPriceFen, Long maxPriceFen,
            String price, String sort, int page, int size) {
    }

    /**
     * Reads the parameters; every filter value that is not one of its allowed values is reported at once.
     * Enumerated values are accepted in any case ({@code category=rice}).
     */
    static SearchQuery of(Parameters p) {
        List<InvalidSearchFilter.Rejected> rejected = new ArrayList<>();
        ProductCategory category = null;
        if (!blank(p.category())) {
            category = Arrays.stream(ProductCategory.values())
                    .filter(c -> c.name().equalsIgnoreCase(p.category().strip())).findFirst().orElse(null);
            if (category == null) {
                rejected.add(InvalidSearchFilter.Rejected.notOneOf("category", p.category(),
                        Arrays.stream(ProductCategory.values()).map(Enum::name).toList()));
            }
        }
        Sort sort = Sort.RELEVANCE;
        if (!blank(p.sort())) {
            sort = Arrays.stream(Sort.values()).filter(s -> s.name().equalsIgnoreCase(p.sort().strip())).findFirst()
                    .orElse(null);
            if (sort == null) {
                rejected.add(InvalidSearchFilter.Rejected.notOneOf("sort", p.sort(), Sort.names()));
            }
        }
        Long min = p.minPriceFen();
        Long max = p.maxPriceFen();
        if (!blank(p.price())) {
            int band = PriceBands.byKey(p.price());
            if (band < 0) {
                rejected.add(InvalidSearchFilter.Rejected.notOneOf("price", p.price(), PriceBands.keys()));
            } else {
                long from = PriceBands.EDGES.get(band);
                Long to = PriceBands.upper(band);
                min = min == null ? Long.valueOf(from) : Long.valueOf(Math.max(min, from));
                if (to != null) {
                    max = max == null ? Long.valueOf(to - 1) : Long.valueOf(Math.min(max, to - 1));
                }
            }
        }
        if (p.minPriceFen() != null && p.maxPriceFen() != null && p.minPriceFen() > p.maxPriceFen()) {
            rejected.add(new InvalidSearchFilter.Rejected("maxPriceFen", "must not be below minPriceFen", List.of()));
        }
        if (!rejected.isEmpty()) {
            throw new InvalidSearchFilter(rejected);
        }
        return new SearchQuery(blank(p.q()) ? null : ShopperText.of(p.q().strip()), category, p.sellerId(),
                blank(p.town()) ? null : ChineseScript.simplified(p.town().strip()), min, max, sort, p.page(), p.size());
    }

    /** Relevance only means something with words to match; without, newest first. */
    Sort effectiveSort() {
        return sort == Sort.RELEVANCE && text == null ? Sort.NEWEST : sort;
    }

    /** The same search for MariaDB: words and town in both scripts, the words' pinyin. */
    ProductQueries.Filter filter() {
        List<String> words = text == null || text.words() == null ? List.of() : ChineseScript.bothScripts(text.words());
        List<String> pinyin = text == null || text.pinyin() == null || !text.latin() && text.pinyin().length() < 4
                ? List.of() : List.of(text.pinyin());
        return new ProductQueries.Filter(words, pinyin, category, sellerId,
                town == null ? List.of() : ChineseScript.bothScripts(town), minPriceFen, maxPriceFen);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
