package io.fupin.catalog.product;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pinyin for finding Chinese names by Latin letters: "dami" and the initials "dm" find 大米. The library
 * reads polyphonic characters by phrase, which is why it runs on whole names rather than per character.
 */
public final class ProductPinyin {

    /** Longer runs than this are not typed by anyone; the cap keeps the term list small. */
    private static final int MAX_RUN = 8;

    private ProductPinyin() {
    }

    /** Full pinyin and initials of each text, without spaces: the database fallback matches substrings of it. */
    static String of(String... texts) {
        List<String> parts = new ArrayList<>();
        for (String text : texts) {
            List<String> syllables = syllables(text);
            if (!syllables.isEmpty()) {
                parts.add(String.join("", syllables));
                parts.add(String.join("", syllables.stream().map(s -> s.substring(0, 1)).toList()));
            }
        }
        return String.join(" ", parts);
    }

    /**
     * Every run of consecutive syllables of the text, in full and as initials ("dami", "dm", "daohuaxiang",
     * "dhx" ...): a query typed in pinyin is then one exact term lookup.
     */
    public static Set<String> terms(String text) {
        List<String> syllables = syllables(text);
        Set<String> terms = new LinkedHashSet<>();
        for (int from = 0; from < syllables.size(); from++) {
            StringBuilder full = new StringBuilder();
            StringBuilder initials = new StringBuilder();
            for (int to = from; to < Math.min(syllables.size(), from + MAX_RUN); to++) {
                full.append(syllables.get(to));
                initials.append(syllables.get(to).charAt(0));
                terms.add(full.toString());
                terms.add(initials.toString());
            }
        }
        return terms;
    }

    /** A query as it would be compared with {@link #terms}: lower case, no spaces or apostrophes. */
    public static String normalizeQuery(String query) {
        return query.toLowerCase(Locale.ROOT).replaceAll("[\\s'’]+", "");
    }

    /** Whether a query could be pinyin (Latin letters only), as opposed to Chinese or a number. */
    public static boolean looksLikePinyin(String query) {
        String normalized = normalizeQuery(query);
        return !normalized.isEmpty() && normalized.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    private static List<String> syllables(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String pinyin = PinyinHelper.toPinyin(text.strip(), PinyinStyleEnum.NORMAL);
        return Arrays.stream(pinyin.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
